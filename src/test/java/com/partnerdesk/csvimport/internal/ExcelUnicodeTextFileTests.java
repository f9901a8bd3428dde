package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** excel-unicode-utf16le.csv: UTF-16LE with a byte order mark, TAB-delimited; 13 data rows, all valid. */
class ExcelUnicodeTextFileTests {

    private final CollectedRead read = CollectedRead.ofSample("excel-unicode-utf16le.csv");

    @Test
    void followsTheByteOrderMarkAndSniffsTheTab() {
        assertThat(read.summary().charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(read.summary().delimiter()).isEqualTo('\t');
        assertThat(read.summary().template()).isEqualTo(CsvTemplate.PARTNER_CENTER_EN);
        assertThat(read.summary().dataRowCount()).isEqualTo(13);
        assertThat(read.summary().skippedRowCount()).isZero();
    }

    @Test
    void acceptsAllThirteenRows() {
        assertThat(ContosoRules.CONTOSO.validRows(read.rows()))
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(ContosoRules.CONTOSO.rejections(read.rows())).isEmpty();
    }

    @Test
    void decodesEveryScriptExactly() {
        assertThat(read.row(2).displayName()).isEqualTo("Łukasz Żółć");
        assertThat(read.row(3).displayName()).isEqualTo("Ayşe Yılmaz");
        assertThat(read.row(4).displayName()).isEqualTo("Δημήτρης Παπαδόπουλος");
        assertThat(read.row(5).displayName()).isEqualTo("Олена Шевченко");
        assertThat(read.row(6).displayName()).isEqualTo("山田 太郎");
        assertThat(read.row(8).displayName()).isEqualTo("Nguyễn Thị Minh Khai");
        assertThat(read.row(9).displayName()).isEqualTo("Ana Lucía Quispe");
        assertThat(read.row(10).displayName()).isEqualTo("محمد الفارسي");
        assertThat(read.row(11).displayName()).isEqualTo("Siobhán Ní Bhriain");
        assertThat(read.row(12).displayName()).isEqualTo("Björk Guðmundsdóttir");
        assertThat(read.row(14).displayName()).isEqualTo("Kwame Mensah");
    }

    @Test
    void unescapesDoubledQuotes() {
        assertThat(read.row(7).displayName()).isEqualTo("Dana \"DJ\" Jones");
    }

    @Test
    void keepsTheEmojiAsOneCodePoint() {
        String sam = read.row(13).displayName();
        assertThat(sam).isEqualTo("Sam \uD83D\uDE80 Taylor");
        assertThat(sam.codePointCount(0, sam.length())).isEqualTo(12);
        assertThat(sam).hasSize(13);
    }

    @Test
    void neverShowsNulCharacters() {
        assertThat(read.rows()).allSatisfy(row -> {
            assertThat(row.displayName()).doesNotContain("\u0000");
            assertThat(row.email()).doesNotContain("\u0000");
        });
    }
}
