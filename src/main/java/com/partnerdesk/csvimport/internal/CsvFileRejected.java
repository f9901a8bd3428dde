package com.partnerdesk.csvimport.internal;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The file as a whole cannot be imported; nothing from it may be created. Carries a message key and its arguments
 * so the page can say why in the partner's language.
 */
public class CsvFileRejected extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    CsvFileRejected(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }

    static CsvFileRejected tooLarge(CsvLimits limits) {
        double megabytes = limits.maxBytes() / (1024.0 * 1024.0);
        return new CsvFileRejected("import.file.tooLarge", megabytes, limits.maxDataRows());
    }

    static CsvFileRejected tooManyRows(CsvLimits limits) {
        return new CsvFileRejected("import.file.tooManyRows", limits.maxDataRows());
    }

    static CsvFileRejected empty() {
        return new CsvFileRejected("import.file.empty");
    }

    static CsvFileRejected headerNotRecognised(String englishHeaders, String spanishHeaders) {
        return new CsvFileRejected("import.file.headerNotRecognised", englishHeaders, spanishHeaders);
    }

    static CsvFileRejected columnsMissing(CsvTemplate template, String missingHeaders, String expectedHeaders) {
        return new CsvFileRejected("import.file.columnsMissing", template.productName(), missingHeaders, expectedHeaders);
    }

    static CsvFileRejected columnsUnknown(CsvTemplate template, String unknownHeaders, String expectedHeaders) {
        return new CsvFileRejected("import.file.columnsUnknown", template.productName(), unknownHeaders, expectedHeaders);
    }

    static CsvFileRejected columnRepeated(String header) {
        return new CsvFileRejected("import.file.columnRepeated", header);
    }

    static CsvFileRejected unterminatedQuote(int row) {
        return new CsvFileRejected("import.file.unterminatedQuote", row);
    }

    static CsvFileRejected malformedRow(int row) {
        return new CsvFileRejected("import.file.malformedRow", row);
    }

    static CsvFileRejected undecodable(int row, Charset charset) {
        return new CsvFileRejected("import.file.undecodable", row, charset.name());
    }
}
