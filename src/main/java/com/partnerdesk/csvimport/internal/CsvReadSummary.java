package com.partnerdesk.csvimport.internal;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What the reader found out about a file it read to the end.
 *
 * @param headerRow      spreadsheet row of the header: 2 when a {@code sep=} or Entra version line precedes it
 * @param dataRowCount   rows handed to the sink
 * @param skippedRowCount blank rows passed over
 * @param ignoredColumns headers of the columns whose values are not imported, as written in the file
 * @param notices        file-level notices, each listed once rather than on every row
 */
public record CsvReadSummary(
        CsvTemplate template,
        Charset charset,
        char delimiter,
        int headerRow,
        int dataRowCount,
        int skippedRowCount,
        List<String> ignoredColumns,
        List<FileNotice> notices) {

    public CsvReadSummary {
        ignoredColumns = List.copyOf(ignoredColumns);
        notices = List.copyOf(notices);
    }
}
