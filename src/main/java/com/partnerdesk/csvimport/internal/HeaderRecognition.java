package com.partnerdesk.csvimport.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Finds the delimiter and template of a header row together: the delimiter is the one that splits the
 * header into columns some template knows. Trying each pair also lets a rejection name the template the file is
 * closest to.
 */
final class HeaderRecognition {

    /** The delimiters Excel writes for "CSV" in different regional settings, and for "Unicode Text". */
    static final List<Character> SNIFFED_DELIMITERS = List.of(',', ';', '\t');

    private HeaderRecognition() {
    }

    /**
     * @param delimiters the delimiters to try, in order
     * @throws CsvFileRejected if no template fits, naming what is missing or unknown for the closest one
     */
    static HeaderLayout recognise(String headerLine, List<Character> delimiters, int headerRow) {
        List<Attempt> attempts = new ArrayList<>();
        for (char delimiter : delimiters) {
            Optional<List<String>> headers = split(headerLine, delimiter);
            if (headers.isEmpty()) {
                continue;
            }
            for (TemplateProfile profile : TemplateProfile.ALL) {
                Attempt attempt = Attempt.of(profile, headers.get());
                if (attempt.fits()) {
                    return new HeaderLayout(profile, delimiter, headerRow, headers.get(), attempt.roles());
                }
                attempts.add(attempt);
            }
        }
        throw rejection(attempts);
    }

    static CSVFormat format(char delimiter) {
        // Blank lines are skipped by the reader itself, so that record numbers stay spreadsheet rows.
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    }

    private static Optional<List<String>> split(String headerLine, char delimiter) {
        try (CSVParser parser = format(delimiter).parse(new StringReader(headerLine))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return Optional.empty();
            }
            return Optional.of(records.get(0).stream().map(FieldText::trim).toList());
        } catch (IOException | UncheckedIOException unparsable) {
            return Optional.empty();
        }
    }

    private static CsvFileRejected rejection(List<Attempt> attempts) {
        Attempt closest = null;
        for (Attempt attempt : attempts) {
            if (attempt.recognisedCount() > (closest == null ? 0 : closest.recognisedCount())) {
                closest = attempt;
            }
        }
        if (closest == null) {
            return CsvFileRejected.headerNotRecognised(
                    TemplateProfile.PARTNER_CENTER_EN.expectedHeaders(), TemplateProfile.PARTNER_CENTER_ES.expectedHeaders());
        }
        TemplateProfile profile = closest.profile();
        if (!closest.repeated().isEmpty()) {
            return CsvFileRejected.columnRepeated(closest.repeated().get(0));
        }
        if (!closest.missing().isEmpty()) {
            return CsvFileRejected.columnsMissing(
                    profile.template(), TemplateProfile.quotedList(closest.missing()), profile.expectedHeaders());
        }
        return CsvFileRejected.columnsUnknown(
                profile.template(), TemplateProfile.quotedList(closest.unknown()), profile.expectedHeaders());
    }

    /** One header split with one delimiter, held against one template. */
    private record Attempt(
            TemplateProfile profile,
            List<ColumnRole> roles,
            List<String> unknown,
            List<String> missing,
            List<String> repeated,
            int recognisedCount) {

        static Attempt of(TemplateProfile profile, List<String> headers) {
            Map<String, TemplateColumn> known = profile.columnsByKey();
            int namedColumnCount = namedColumnCount(headers);
            List<ColumnRole> roles = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            List<String> repeated = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String header : headers.subList(0, namedColumnCount)) {
                String key = FieldText.headerKey(header);
                TemplateColumn column = known.get(key);
                if (column == null) {
                    unknown.add(header);
                    roles.add(ColumnRole.IGNORED);
                } else {
                    if (!seen.add(key)) {
                        repeated.add(header);
                    }
                    roles.add(column.role());
                }
            }
            List<String> missing = profile.columns().stream()
                    .filter(column -> column.required() && !seen.contains(column.key()))
                    .map(TemplateColumn::header)
                    .toList();
            return new Attempt(profile, roles, unknown, missing, repeated, seen.size());
        }

        /** Excel pads a header with empty cells when some row is wider; only the named part has to match. */
        private static int namedColumnCount(List<String> headers) {
            int count = headers.size();
            while (count > 0 && headers.get(count - 1).isEmpty()) {
                count--;
            }
            return count;
        }

        boolean fits() {
            return unknown.isEmpty() && missing.isEmpty() && repeated.isEmpty();
        }
    }
}
