package com.partnerdesk.csvimport.internal;

import static com.partnerdesk.csvimport.internal.ContosoRules.USERNAME_CHARACTERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** excel-es-semicolon-cp1252.csv: 12 data rows and 2 blank ones; 11 valid, 1 rejected, 2 skipped. */
class SpanishExcelSemicolonFileTests {

    private final CollectedRead read = CollectedRead.ofSample("excel-es-semicolon-cp1252.csv");

    @Test
    void fallsBackToWindows1252AndSniffsTheSemicolon() {
        assertThat(read.summary().charset().name()).isEqualTo("windows-1252");
        assertThat(read.summary().delimiter()).isEqualTo(';');
        assertThat(read.summary().template()).isEqualTo(CsvTemplate.PARTNER_CENTER_EN);
    }

    @Test
    void skipsTheTwoDelimiterOnlyRowsAtTheEnd() {
        assertThat(read.summary().dataRowCount()).isEqualTo(12);
        assertThat(read.summary().skippedRowCount()).isEqualTo(2);
        assertThat(read.rowNumbers()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void acceptsElevenRowsAndRejectsTheNonAsciiUsername() {
        assertThat(ContosoRules.CONTOSO.validRows(read.rows())).containsExactly(2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13);
        assertThat(ContosoRules.CONTOSO.rejections(read.rows())).isEqualTo(Map.of(9, Set.of(USERNAME_CHARACTERS)));
        assertThat(read.row(9).email()).isEqualTo("ángela.cañete@contoso.example");
    }

    @Test
    void decodesAnsiAccentsExactly() {
        assertThat(read.row(2).displayName()).isEqualTo("José Muñoz");
        assertThat(read.row(3).displayName()).isEqualTo("Begoña Ibáñez");
        assertThat(read.row(4).displayName()).isEqualTo("Íñigo Martínez-Sáez");
        assertThat(read.row(7).displayName()).isEqualTo("Núria Puig i Solà");
        assertThat(read.row(8).displayName()).isEqualTo("Jürgen Weiß");
        assertThat(read.row(11).displayName()).isEqualTo("François Lefèvre");
        assertThat(read.row(12).displayName()).isEqualTo("Zoë Ællingsen");
        assertThat(read.row(13).displayName()).isEqualTo("Sebastián Gutiérrez");
    }

    @Test
    void decodesByte0x92AsARightSingleQuotationMark() {
        assertThat(read.row(5).displayName()).isEqualTo("María O\u2019Neill");
        assertThat(read.row(5).lastName()).doesNotContain("\u0092");
    }

    @Test
    void keepsACommaAsDataWhenTheDelimiterIsASemicolon() {
        assertThat(read.row(6).displayName()).isEqualTo("Peña Álvarez, Raúl");
        assertThat(read.row(6).notices()).isEmpty();
    }

    @Test
    void keepsAQuotedSemicolonAsData() {
        ParsedUserRow reception = read.row(10);
        assertThat(reception.displayName()).isEqualTo("Recepción; planta 2");
        assertThat(reception.firstName()).isEmpty();
        assertThat(reception.lastName()).isEmpty();
        assertThat(reception.notices()).isEmpty();
    }
}
