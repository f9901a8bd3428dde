package com.partnerdesk.csvimport.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for Excel that cannot run a formula: a value starting with {@code = + - @}, a tab or a carriage return gets a
 * leading apostrophe, which Excel shows as text (OWASP's CSV injection advice). Quoting follows Excel's rules.
 */
final class SafeCsvWriter implements AutoCloseable {

    private static final String FORMULA_TRIGGERS = "=+-@\t\r";

    private final Writer out;

    private final CSVPrinter printer;

    SafeCsvWriter(Writer out, char delimiter) {
        this.out = out;
        try {
            this.printer = CSVFormat.EXCEL.builder().setDelimiter(delimiter).get().print(out);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    void byteOrderMark() {
        try {
            out.write('\uFEFF');
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    void row(List<String> values) {
        try {
            printer.printRecord(values.stream().map(SafeCsvWriter::defused).toList());
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static String defused(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return FORMULA_TRIGGERS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
