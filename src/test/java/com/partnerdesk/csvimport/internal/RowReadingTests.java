package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row numbering, blank rows, trimming and row width. */
class RowReadingTests {

    private static final String HEADER = "First name,Last name,Display name,Email,Status update\r\n";

    @TempDir
    Path directory;

    @Test
    void numbersRowsAsTheSpreadsheetShowsThemAcrossBlankAndMultiLineRows() {
        CollectedRead read = read(HEADER
                + "Ana,Ruiz,Ana Ruiz,ana@contoso.example,\r\n"
                + "\r\n"
                + "  \t \r\n"
                + "Chloé,Dubois,\"Chloé\r\nDubois\",chloe@contoso.example,\r\n"
                + " , ,\u00A0,,\r\n"
                + "Omar,Haddad,Omar Haddad,omar@contoso.example,\r\n");

        assertThat(read.rowNumbers()).containsExactly(2, 5, 7);
        assertThat(read.summary().skippedRowCount()).isEqualTo(3);
        assertThat(read.summary().dataRowCount()).isEqualTo(3);
        assertThat(read.row(5).displayName()).isEqualTo("Chloé\r\nDubois");
    }

    @Test
    void trimsWhitespaceIncludingNoBreakSpaces() {
        ParsedUserRow ana = read(HEADER + "\u00A0Ana\u00A0, Ruiz ,\u00A0 Ana Ruiz\t, ana@contoso.example ,\u00A0\r\n").row(2);

        assertThat(ana.firstName()).isEqualTo("Ana");
        assertThat(ana.lastName()).isEqualTo("Ruiz");
        assertThat(ana.displayName()).isEqualTo("Ana Ruiz");
        assertThat(ana.email()).isEqualTo("ana@contoso.example");
        assertThat(ana.notices()).isEmpty();
    }

    @Test
    void padsARowWithFewerFieldsWithEmptyOnes() {
        ParsedUserRow ana = read(HEADER + "Ana,Ruiz,Ana Ruiz\r\n").row(2);

        assertThat(ana.displayName()).isEqualTo("Ana Ruiz");
        assertThat(ana.email()).isEmpty();
        assertThat(ana.notices()).isEmpty();
    }

    @Test
    void flagsARowWithMoreFieldsThanTheHeaderAsShifted() {
        ParsedUserRow raul = read(HEADER + "Raúl,Peña,Peña Álvarez, Raúl,raul@contoso.example,\r\n").row(2);

        assertThat(raul.notices()).containsExactly(
                new RowNotice(RowNotice.Severity.ERROR, "import.row.columnsShifted", List.of(6, 5)));
        assertThat(raul.hasStructuralError()).isTrue();
        assertThat(ContosoRules.CONTOSO.rejections(List.of(raul))).containsKey(2);
    }

    @Test
    void flagsAValueUnderAnEmptyPaddingHeaderCellAsShifted() {
        CollectedRead read = read("Display name,Email,\r\nAna Ruiz,ana@contoso.example,\r\nRuiz,Ana,ana@contoso.example\r\n");

        assertThat(read.row(2).notices()).isEmpty();
        assertThat(read.row(3).notices()).extracting(RowNotice::messageKey).containsExactly("import.row.columnsShifted");
    }

    @Test
    void splitsLicensesOnSemicolonsAndPipesDroppingEmptyNames() {
        ParsedUserRow ana = read("Display name,Email,Licenses\r\n"
                + "Ana Ruiz,ana@contoso.example,\"Microsoft 365 E3;; Teams Phone | Visio Plan 2 \"\r\n").row(2);

        assertThat(ana.licenses()).containsExactly("Microsoft 365 E3", "Teams Phone", "Visio Plan 2");
    }

    @Test
    void readsCarriageReturnOnlyLineEndings() {
        CollectedRead read = read("Display name,Email\rAna Ruiz,ana@contoso.example\r\rOmar Haddad,omar@contoso.example\r");

        assertThat(read.rowNumbers()).containsExactly(2, 4);
    }

    private CollectedRead read(String text) {
        return CollectedRead.of(TestFiles.writeUtf8WithByteOrderMark(directory, text));
    }
}
