package com.partnerdesk.csvimport.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** A whole read kept in memory, which is fine for the small files tests use. */
record CollectedRead(CsvReadSummary summary, List<ParsedUserRow> rows) {

    static CollectedRead of(Path file) {
        return of(file, CsvLimits.defaults());
    }

    static CollectedRead of(Path file, CsvLimits limits) {
        List<ParsedUserRow> rows = new ArrayList<>();
        try {
            CsvReadSummary summary = new UserCsvReader().read(file, limits, rows::add);
            return new CollectedRead(summary, rows);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static CollectedRead ofSample(String name) {
        return of(sample(name));
    }

    /** The sample files from the CSV samples README, copied byte for byte into the test resources. */
    static Path sample(String name) {
        URL resource = CollectedRead.class.getResource("/csv/" + name);
        if (resource == null) {
            throw new IllegalArgumentException("No sample file " + name);
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    ParsedUserRow row(int row) {
        return rows.stream()
                .filter(parsed -> parsed.row() == row)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No data row " + row));
    }

    List<Integer> rowNumbers() {
        return rows.stream().map(ParsedUserRow::row).toList();
    }
}
