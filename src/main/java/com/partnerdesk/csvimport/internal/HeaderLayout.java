package com.partnerdesk.csvimport.internal;

import static com.partnerdesk.csvimport.internal.ColumnRole.BLOCK_SIGN_IN;
import static com.partnerdesk.csvimport.internal.ColumnRole.DISPLAY_NAME;
import static com.partnerdesk.csvimport.internal.ColumnRole.EMAIL;
import static com.partnerdesk.csvimport.internal.ColumnRole.FIRST_NAME;
import static com.partnerdesk.csvimport.internal.ColumnRole.LAST_NAME;
import static com.partnerdesk.csvimport.internal.ColumnRole.LICENSES;
import static com.partnerdesk.csvimport.internal.ColumnRole.PASSWORD;
import static com.partnerdesk.csvimport.internal.ColumnRole.STATUS_UPDATE;
import static com.partnerdesk.csvimport.internal.ColumnRole.USAGE_LOCATION;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;

/**
 * A recognised header row: the template, the delimiter that split it, and the role of each column, by which data
 * rows are read.
 *
 * @param headers the header cells as written (trimmed), including empty cells Excel pads the row with
 * @param roles   the role of each column up to the last named one
 */
record HeaderLayout(TemplateProfile profile, char delimiter, int headerRow, List<String> headers, List<ColumnRole> roles) {

    private static final Pattern LICENSE_SEPARATOR = Pattern.compile("[;|]");

    HeaderLayout {
        headers = List.copyOf(headers);
        roles = List.copyOf(roles);
    }

    List<String> ignoredColumns() {
        return IntStream.range(0, roles.size())
                .filter(index -> roles.get(index).isIgnored())
                .mapToObj(headers::get)
                .toList();
    }

    List<FileNotice> notices() {
        List<FileNotice> notices = new ArrayList<>();
        List<String> ignored = ignoredColumns();
        if (!ignored.isEmpty()) {
            notices.add(FileNotice.of("import.file.columnsIgnored", TemplateProfile.quotedList(ignored)));
        }
        if (roles.contains(PASSWORD)) {
            notices.add(FileNotice.of("import.file.passwordsNotUsed"));
        }
        if (!profile.hasDisplayNameColumn()) {
            notices.add(FileNotice.of("import.file.displayNamesDerived"));
        }
        return notices;
    }

    /** A row that holds nothing but whitespace and delimiters, such as the {@code ;;;;} rows Excel leaves. */
    static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(value -> FieldText.trim(value).isEmpty());
    }

    ParsedUserRow toRow(int row, CSVRecord record) {
        Map<ColumnRole, String> values = readValues(record);
        String firstName = values.getOrDefault(FIRST_NAME, "");
        String lastName = values.getOrDefault(LAST_NAME, "");
        boolean derived = !profile.hasDisplayNameColumn();
        String displayName = derived
                ? String.join(" ", Stream.of(firstName, lastName).filter(name -> !name.isEmpty()).toList())
                : values.getOrDefault(DISPLAY_NAME, "");
        return new ParsedUserRow(
                row,
                firstName,
                lastName,
                displayName,
                derived,
                values.getOrDefault(EMAIL, ""),
                values.getOrDefault(USAGE_LOCATION, ""),
                licenses(values.getOrDefault(LICENSES, "")),
                notices(record, values));
    }

    /** Values of the columns PartnerDesk uses; ignored columns, passwords above all, are never read. */
    private Map<ColumnRole, String> readValues(CSVRecord record) {
        Map<ColumnRole, String> values = new EnumMap<>(ColumnRole.class);
        for (int index = 0; index < Math.min(record.size(), roles.size()); index++) {
            ColumnRole role = roles.get(index);
            if (!role.isIgnored() || role == BLOCK_SIGN_IN) {
                values.put(role, FieldText.trim(record.get(index)));
            }
        }
        return values;
    }

    private List<RowNotice> notices(CSVRecord record, Map<ColumnRole, String> values) {
        if (hasShiftedColumns(record)) {
            // Every value may be in the wrong column, so notices about particular values would only mislead.
            return List.of(RowNotice.error("import.row.columnsShifted", record.size(), roles.size()));
        }
        List<RowNotice> notices = new ArrayList<>();
        String statusUpdate = values.getOrDefault(STATUS_UPDATE, "");
        if (!statusUpdate.isEmpty()) {
            notices.add(RowNotice.warning("import.row.statusUpdateIgnored", statusUpdate));
        }
        String blockSignIn = values.getOrDefault(BLOCK_SIGN_IN, "");
        if (blockSignIn.equalsIgnoreCase("yes") || blockSignIn.equalsIgnoreCase("true")) {
            notices.add(RowNotice.info("import.row.blockSignInNotApplied"));
        }
        return notices;
    }

    /**
     * More values than the header has cells, or a value under one of the empty header cells Excel pads with: most
     * likely a delimiter inside an unquoted value pushed the row to the right. Reading such a row by position
     * would put the wrong values in the wrong fields.
     */
    private boolean hasShiftedColumns(CSVRecord record) {
        if (record.size() > headers.size()) {
            return true;
        }
        return IntStream.range(roles.size(), record.size())
                .anyMatch(index -> !FieldText.trim(record.get(index)).isEmpty());
    }

    private static List<String> licenses(String value) {
        return LICENSE_SEPARATOR.splitAsStream(value)
                .map(FieldText::trim)
                .filter(license -> !license.isEmpty())
                .toList();
    }
}
