package com.partnerdesk.csvimport.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.partnerdesk.directory.UserAccountRules;

/**
 * The importer's row and file rules, with the directory's real {@link UserAccountRules}, for the customer of every
 * sample file: one verified domain and no users yet. Reasons are the message keys the preview shows.
 */
final class ContosoRules {

    static final String DISPLAY_NAME_REQUIRED = "user.displayName.required";
    static final String DOMAIN_NOT_VERIFIED = "user.username.domainNotVerified";
    static final String NOT_AN_ADDRESS = "user.username.notAnAddress";
    static final String USERNAME_CHARACTERS = "user.username.invalidCharacters";
    static final String USAGE_LOCATION_NOT_ISO = "user.usageLocation.invalid";
    static final String NAME_TOO_LONG = "user.name.tooLong";
    static final String ALIAS_TOO_LONG = "user.username.tooLong";
    static final String DUPLICATE_EMAIL = "import.row.duplicateInFile";
    static final String COLUMNS_SHIFTED = "import.row.columnsShifted";

    static final ContosoRules CONTOSO = new ContosoRules();

    private final ImportRowRules rules = new ImportRowRules(new UserAccountRules(), Set.of("contoso.example"),
            new LicenseNames(List.of()));

    /** Every row judged, the file-level duplicate rule included, in file order. */
    List<JudgedRow> judge(List<ParsedUserRow> rows) {
        DuplicateEmails duplicates = new DuplicateEmails();
        List<JudgedRow> judged = new ArrayList<>();
        for (ParsedUserRow row : rows) {
            judged.add(rules.judge(row));
            duplicates.add(row.email(), row.row());
        }
        Map<Integer, List<Integer>> others = duplicates.otherRowsByRow();
        return judged.stream().map(row -> {
            List<Integer> otherRows = others.get(row.parsed().row());
            if (otherRows == null) {
                return row;
            }
            List<ImportNote> notes = new ArrayList<>(row.notes());
            notes.add(DuplicateEmails.noteFor(otherRows));
            return new JudgedRow(row.parsed(), row.username(), row.subscriptionIds(), notes);
        }).toList();
    }

    /** Rejected rows with the message keys of their reasons, by row number; every other row is valid. */
    Map<Integer, Set<String>> rejections(List<ParsedUserRow> rows) {
        Map<Integer, Set<String>> rejections = new TreeMap<>();
        for (JudgedRow row : judge(rows)) {
            if (!row.isValid()) {
                Set<String> keys = new TreeSet<>();
                row.notes().stream().filter(ImportNote::isError).forEach(note -> keys.add(note.messageKey()));
                rejections.put(row.parsed().row(), keys);
            }
        }
        return rejections;
    }

    List<Integer> validRows(List<ParsedUserRow> rows) {
        return judge(rows).stream().filter(JudgedRow::isValid).map(row -> row.parsed().row()).toList();
    }

    /** What would be stored: the domain lower-cased, the local part as typed. */
    static String normalisedEmail(ParsedUserRow row) {
        return ImportRowRules.storedUsername(row.email());
    }
}
