package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever bytes are uploaded, the reader reads them or rejects the file with a reason both languages can show; no
 * other exception may reach the page. Coverage-guided: the fuzzer starts from the sample files, also saved the
 * other ways Excel saves text, and mutates them (flips, cuts, splices, and the dictionary's BOMs, NULs, quotes,
 * delimiters and headers) towards code not reached yet.
 */
class UserCsvReaderFuzzTests {

    static final List<String> SAMPLES = List.of("pc-template-style.csv", "m365-template-style.csv",
            "excel-es-semicolon-cp1252.csv", "excel-unicode-utf16le.csv", "entra-bulk-create-style.csv",
            "google-workspace-style.csv", "broken-quote.csv");

    private static final CsvLimits SMALL = new CsvLimits(500, 64 * 1024);

    private final UserCsvReader reader = new UserCsvReader();

    @TempDir
    Path directory;

    @MethodSource("samplesInEveryEncoding")
    @DictionaryFile(resourcePath = "/fuzz/csv.dict")
    @FuzzTest(maxDuration = "8s", maxExecutions = 60_000)
    void anyBytesAreReadOrRejectedWithAReason(byte[] bytes) throws IOException {
        Path file = Files.write(directory.resolve("upload.csv"), bytes);
        List<ParsedUserRow> rows = new ArrayList<>();
        CsvReadSummary summary;
        try {
            summary = reader.read(file, SMALL, rows::add);
        }
        catch (CsvFileRejected rejected) {
            FileRejections.assertExplained(rejected);
            return;
        }
        assertThat(summary.dataRowCount()).isEqualTo(rows.size());
        assertThat(rows).extracting(ParsedUserRow::row)
                .allMatch(row -> row > summary.headerRow())
                .isSorted()
                .doesNotHaveDuplicates();
    }

    /** Each sample as it is, and as Excel's other text formats would have saved the same text. */
    static Stream<Arguments> samplesInEveryEncoding() {
        return SAMPLES.stream().flatMap(sample -> {
            byte[] original = SampleFiles.raw(sample);
            String text = SampleEncodings.decode(original);
            Stream<Arguments> reencoded = SampleEncodings.ALL.stream()
                    .map(encoding -> Arguments.of(Named.of(sample + " as " + encoding.name(), encoding.encode(text))));
            return Stream.concat(Stream.of(Arguments.of(Named.of(sample, original))), reencoded);
        });
    }

    /** The ways Excel and other spreadsheets save text, each with the byte order mark it writes. */
    enum SampleEncodings {
        UTF_8_WITH_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
        UTF_8(StandardCharsets.UTF_8, new byte[0]),
        UTF_16LE(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
        UTF_16BE(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
        WINDOWS_1252(TextEncoding.WINDOWS_1252, new byte[0]);

        static final List<SampleEncodings> ALL = List.of(values());

        final Charset charset;

        final byte[] byteOrderMark;

        SampleEncodings(Charset charset, byte[] byteOrderMark) {
            this.charset = charset;
            this.byteOrderMark = byteOrderMark;
        }

        /** Characters the charset cannot hold become '?', as Excel writes them. */
        byte[] encode(String text) {
            return TestFiles.concat(byteOrderMark, text.getBytes(charset));
        }

        /** The sample's text, decoded as the reader decodes it. */
        static String decode(byte[] bytes) {
            for (SampleEncodings encoding : List.of(UTF_8_WITH_BOM, UTF_16LE, UTF_16BE)) {
                if (Arrays.equals(bytes, 0, encoding.byteOrderMark.length, encoding.byteOrderMark, 0,
                        encoding.byteOrderMark.length)) {
                    return new String(bytes, encoding.byteOrderMark.length, bytes.length - encoding.byteOrderMark.length,
                            encoding.charset);
                }
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            }
            catch (CharacterCodingException notUtf8) {
                return new String(bytes, TextEncoding.WINDOWS_1252);
            }
        }
    }
}
