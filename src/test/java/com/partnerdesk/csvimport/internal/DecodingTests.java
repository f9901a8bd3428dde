package com.partnerdesk.csvimport.internal;

import static com.partnerdesk.csvimport.internal.TestFiles.concat;
import static com.partnerdesk.csvimport.internal.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charset choice and files that break while being read. */
class DecodingTests {

    private static final String HEADER = "Display name,Email\r\n";
    private static final byte[] UTF_8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path directory;

    @Test
    void readsUtf16BigEndianByItsByteOrderMark() {
        byte[] bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                (HEADER + "Łukasz Żółć,lukasz@contoso.example\r\n").getBytes(StandardCharsets.UTF_16BE));

        CollectedRead read = CollectedRead.of(TestFiles.write(directory, bytes));

        assertThat(read.summary().charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(read.row(2).displayName()).isEqualTo("Łukasz Żółć");
    }

    @Test
    void readsUtf8WithoutByteOrderMarkWhenEveryByteDecodes() {
        CollectedRead read = CollectedRead.of(TestFiles.write(directory, utf8(HEADER + "José Muñoz,jose@contoso.example\r\n")));

        assertThat(read.summary().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read.row(2).displayName()).isEqualTo("José Muñoz");
    }

    @Test
    void fallsBackToWindows1252WhenAnyByteIsNotUtf8EvenLateInTheFile() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int row = 2; row < 2000; row++) {
            text.append("User ").append(row).append(",user").append(row).append("@contoso.example\r\n");
        }
        text.append("José Muñoz,jose@contoso.example\r\n");

        CollectedRead read = CollectedRead.of(TestFiles.writeEncoded(directory, text.toString(), TextEncoding.WINDOWS_1252));

        assertThat(read.summary().charset()).isEqualTo(TextEncoding.WINDOWS_1252);
        assertThat(read.row(2000).displayName()).isEqualTo("José Muñoz");
    }

    @Test
    void neverReadsUtf16WithoutByteOrderMarkAsTextWithNulCharacters() {
        Path file = TestFiles.writeEncoded(directory, HEADER + "Ana Ruiz,ana@contoso.example\r\n", StandardCharsets.UTF_16LE);

        CsvFileRejected rejection = catchThrowableOfType(CsvFileRejected.class, () -> CollectedRead.of(file));

        assertThat(rejection.messageKey()).isEqualTo("import.file.headerNotRecognised");
    }

    @Test
    void rejectsInvalidUtf8AfterAByteOrderMarkNamingTheRow() {
        byte[] invalid = {(byte) 0xC3, (byte) 0x28};

        assertThat(undecodableRow(concat(UTF_8_BOM, utf8(HEADER + "Ana Ruiz,ana@contoso.example\r\nOmar "), invalid,
                utf8(",omar@contoso.example\r\nSara Lind,sara@contoso.example\r\n")))).isEqualTo(3);
        assertThat(undecodableRow(concat(UTF_8_BOM, utf8(HEADER + "Ana Ruiz,ana@contoso.example\r\n"), invalid,
                utf8("mar,omar@contoso.example\r\n")))).isEqualTo(3);
        assertThat(undecodableRow(concat(UTF_8_BOM, utf8("Display "), invalid, utf8("name,Email\r\n")))).isEqualTo(1);
    }

    @Test
    void rejectsInvalidBytesInsideAQuotedMultiLineValueNamingItsRow() {
        byte[] bytes = concat(UTF_8_BOM, utf8(HEADER + "\"Ana\r\nRuiz\",ana@contoso.example\r\n\"Omar\r\n"),
                new byte[] {(byte) 0xFF}, utf8("\",omar@contoso.example\r\n"));

        assertThat(undecodableRow(bytes)).isEqualTo(3);
    }

    @Test
    void rejectsABytesWindows1252LeavesUndefinedNamingTheRow() {
        byte[] bytes = concat(TextEncoding.WINDOWS_1252.encode(HEADER + "José Muñoz,jose@contoso.example\r\n").array(),
                new byte[] {(byte) 0x81}, utf8("Omar,omar@contoso.example\r\n"));
        Path file = TestFiles.write(directory, bytes);

        CsvFileRejected rejection = catchThrowableOfType(CsvFileRejected.class, () -> CollectedRead.of(file));

        assertThat(rejection.messageKey()).isEqualTo("import.file.undecodable");
        assertThat(rejection.arguments()).containsExactly(3, "windows-1252");
    }

    @Test
    void rejectsUtf16WithAnOddNumberOfBytes() {
        byte[] text = (HEADER + "Ana Ruiz,ana@contoso.example").getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text, new byte[] {0x41});

        assertThat(undecodableRow(bytes)).isEqualTo(2);
    }

    @Test
    void namesTheSpreadsheetRowOfAnUnterminatedQuoteAfterAMultiLineValue() {
        Path file = TestFiles.writeUtf8WithByteOrderMark(directory, HEADER
                + "\"Ana\r\nRuiz\",ana@contoso.example\r\n"
                + "Omar Haddad,omar@contoso.example\r\n"
                + "\"Sara Lind,sara@contoso.example\r\n"
                + "Kofi Boateng,kofi@contoso.example\r\n");

        CsvFileRejected rejection = catchThrowableOfType(CsvFileRejected.class, () -> CollectedRead.of(file));

        assertThat(rejection.messageKey()).isEqualTo("import.file.unterminatedQuote");
        assertThat(rejection.arguments()).containsExactly(4);
    }

    @Test
    void rejectsTextAfterAClosingQuoteNamingTheRow() {
        Path file = TestFiles.writeUtf8WithByteOrderMark(directory, HEADER
                + "Ana Ruiz,ana@contoso.example\r\n"
                + "\"DJ\" Dana Jones,dana@contoso.example\r\n");

        CsvFileRejected rejection = catchThrowableOfType(CsvFileRejected.class, () -> CollectedRead.of(file));

        assertThat(rejection.messageKey()).isEqualTo("import.file.malformedRow");
        assertThat(rejection.arguments()).containsExactly(3);
    }

    private int undecodableRow(byte[] bytes) {
        Path file = TestFiles.write(directory, bytes);
        CsvFileRejected rejection = catchThrowableOfType(CsvFileRejected.class, () -> CollectedRead.of(file));
        assertThat(rejection).isNotNull();
        assertThat(rejection.messageKey()).isEqualTo("import.file.undecodable");
        return (Integer) rejection.arguments().get(0);
    }
}
