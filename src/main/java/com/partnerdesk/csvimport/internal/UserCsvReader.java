package com.partnerdesk.csvimport.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a bulk-import CSV file the way Excel shows it: decoding, delimiter, template header, blank rows, trimming,
 * shifted columns and the size limits. Judging the users themselves is left to the directory's rules.
 */
public class UserCsvReader {

    /** Far longer than any template's header row; a first line beyond it is not a header. */
    private static final int LONGEST_HEADER_LINE = 64 * 1024;

    private static final Set<Character> DECLARABLE_DELIMITERS = Set.of(',', ';', '\t', '|');

    /** Commons CSV's wording when the text ends inside a quoted value. */
    private static final String END_OF_TEXT_INSIDE_QUOTES = "EOF reached before encapsulated token finished";

    /**
     * Reads the file, handing each data row to the sink as soon as it is read, so that even the largest allowed
     * file is never held in memory.
     *
     * <p>Rows reach the sink before the whole file has been judged: if this method throws, the caller must discard
     * every row it received, since a rejected file creates nobody.
     *
     * @param file   the upload, already spooled to disk
     * @param limits the file and row limits; the row limit counts rows after blank ones are skipped
     * @param sink   receives the data rows in file order
     * @return what was found out about the file
     * @throws CsvFileRejected if the file as a whole cannot be imported
     * @throws IOException     if the file cannot be read from disk
     */
    public CsvReadSummary read(Path file, CsvLimits limits, Consumer<ParsedUserRow> sink) throws IOException {
        if (Files.size(file) > limits.maxBytes()) {
            throw CsvFileRejected.tooLarge(limits);
        }
        TextEncoding.Detected encoding = TextEncoding.detect(file);
        try (StrictDecodingReader decoding = TextEncoding.open(file, encoding);
             BufferedReader text = new BufferedReader(decoding)) {
            HeaderLayout layout = readHeader(text, decoding, encoding.charset());
            return readRows(text, decoding, encoding.charset(), layout, limits, sink);
        }
    }

    /**
     * Consumes an Excel {@code sep=} line and an Entra {@code version:} line if present, and recognises the header
     * without consuming it, so that the CSV parser numbers it as its first record.
     */
    private static HeaderLayout readHeader(BufferedReader text, StrictDecodingReader decoding, Charset charset)
            throws IOException {
        int row = 1;
        Line line = peekLine(text);
        List<Character> delimiters = HeaderRecognition.SNIFFED_DELIMITERS;
        Character declaredDelimiter = declaredDelimiter(line.text());
        if (declaredDelimiter != null) {
            delimiters = List.of(declaredDelimiter);
            skipLine(text);
            row++;
            line = peekLine(text);
        }
        if (isEntraVersionLine(line.text())) {
            skipLine(text);
            row++;
            line = peekLine(text);
        }
        if (!line.endsWithLineBreak() && decoding.stoppedAtUndecodableBytes()) {
            throw CsvFileRejected.undecodable(row, charset);
        }
        if (row == 1 && line.text().isEmpty() && !line.endsWithLineBreak()) {
            throw CsvFileRejected.empty();
        }
        return HeaderRecognition.recognise(line.text(), delimiters, row);
    }

    private static CsvReadSummary readRows(
            BufferedReader text,
            StrictDecodingReader decoding,
            Charset charset,
            HeaderLayout layout,
            CsvLimits limits,
            Consumer<ParsedUserRow> sink) throws IOException {
        int rowsBeforeHeader = layout.headerRow() - 1;
        int lastRow = 0;
        int dataRowCount = 0;
        int skippedRowCount = 0;
        try (CSVParser parser = HeaderRecognition.format(layout.delimiter()).parse(text)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException failure) {
                    throw rejectionAt(lastRow + 1, failure.getCause(), decoding, charset);
                }
                // Blank lines are records too (ignoreEmptyLines is off), so record numbers are spreadsheet rows.
                lastRow = Math.toIntExact(record.getRecordNumber()) + rowsBeforeHeader;
                if (lastRow == layout.headerRow()) {
                    continue;
                }
                if (HeaderLayout.isBlank(record)) {
                    skippedRowCount++;
                    continue;
                }
                if (++dataRowCount > limits.maxDataRows()) {
                    throw CsvFileRejected.tooManyRows(limits);
                }
                sink.accept(layout.toRow(lastRow, record));
            }
        }
        if (decoding.stoppedAtUndecodableBytes()) {
            // The parser saw the text end cleanly where the bytes stopped decoding.
            throw CsvFileRejected.undecodable(decoding.lastCharacterReadIsLineBreak() ? lastRow + 1 : lastRow, charset);
        }
        return new CsvReadSummary(
                layout.profile().template(),
                charset,
                layout.delimiter(),
                layout.headerRow(),
                dataRowCount,
                skippedRowCount,
                layout.ignoredColumns(),
                layout.notices());
    }

    /** The parser fails on the record after the last one it returned: that row is where the file broke. */
    private static CsvFileRejected rejectionAt(
            int row, IOException failure, StrictDecodingReader decoding, Charset charset) throws IOException {
        if (!(failure instanceof CSVException)) {
            throw failure;
        }
        boolean textEndedInsideQuotes = String.valueOf(failure.getMessage()).contains(END_OF_TEXT_INSIDE_QUOTES);
        if (textEndedInsideQuotes && decoding.stoppedAtUndecodableBytes()) {
            return CsvFileRejected.undecodable(row, charset);
        }
        if (textEndedInsideQuotes) {
            return CsvFileRejected.unterminatedQuote(row);
        }
        return CsvFileRejected.malformedRow(row);
    }

    /** Excel's {@code sep=;} first line, which it reads as the delimiter instead of data. */
    private static Character declaredDelimiter(String line) {
        String withoutByteOrderMark = line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (withoutByteOrderMark.length() == "sep=;".length()
                && withoutByteOrderMark.regionMatches(true, 0, "sep=", 0, 4)
                && DECLARABLE_DELIMITERS.contains(withoutByteOrderMark.charAt(4))) {
            return withoutByteOrderMark.charAt(4);
        }
        return null;
    }

    /** Entra's template starts with {@code version:v1.0}, which Excel pads with delimiters when saving. */
    private static boolean isEntraVersionLine(String line) {
        String trimmed = FieldText.trim(line);
        String unquoted = trimmed.startsWith("\"") ? trimmed.substring(1) : trimmed;
        return unquoted.toLowerCase(Locale.ROOT).startsWith("version:");
    }

    private record Line(String text, boolean endsWithLineBreak) {
    }

    /** The next physical line, without consuming it and without reading more than a header can be long. */
    private static Line peekLine(BufferedReader text) throws IOException {
        text.mark(LONGEST_HEADER_LINE + 1);
        StringBuilder line = new StringBuilder();
        boolean endsWithLineBreak = false;
        while (line.length() < LONGEST_HEADER_LINE) {
            int character = text.read();
            if (character == -1) {
                break;
            }
            if (character == '\n' || character == '\r') {
                endsWithLineBreak = true;
                break;
            }
            line.append((char) character);
        }
        text.reset();
        return new Line(line.toString(), endsWithLineBreak);
    }

    private static void skipLine(BufferedReader text) throws IOException {
        int character;
        do {
            character = text.read();
        } while (character != -1 && character != '\n' && character != '\r');
        if (character == '\r') {
            text.mark(1);
            if (text.read() != '\n') {
                text.reset();
            }
        }
    }
}
