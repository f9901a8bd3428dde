package com.partnerdesk.csvimport.internal;

import static com.partnerdesk.csvimport.internal.ContosoRules.ALIAS_TOO_LONG;
import static com.partnerdesk.csvimport.internal.ContosoRules.DISPLAY_NAME_REQUIRED;
import static com.partnerdesk.csvimport.internal.ContosoRules.DUPLICATE_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** m365-template-style.csv, mapped by its header row: 12 data rows, 8 valid, 4 rejected. */
class Microsoft365TemplateFileTests {

    private final CollectedRead read = CollectedRead.ofSample("m365-template-style.csv");

    @Test
    void recognisesTheAdminCenterTemplate() {
        assertThat(read.summary().template()).isEqualTo(CsvTemplate.MICROSOFT_365_ADMIN_CENTER);
        assertThat(read.summary().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read.summary().delimiter()).isEqualTo(',');
        assertThat(read.summary().dataRowCount()).isEqualTo(12);
        assertThat(read.summary().skippedRowCount()).isZero();
    }

    @Test
    void listsTheTwelveUnmappedColumnsOnce() {
        List<String> ignored = List.of("Job Title", "Department", "Office Number", "Office Phone", "Mobile Phone", "Fax",
                "Alternate email address", "Address", "City", "State or Province", "ZIP or Postal Code",
                "Country or Region");
        assertThat(read.summary().ignoredColumns()).isEqualTo(ignored);
        assertThat(read.summary().notices()).containsExactly(
                FileNotice.of("import.file.columnsIgnored", TemplateProfile.quotedList(ignored)));
    }

    @Test
    void countsAQuotedLineBreakAsPartOfOneRow() {
        assertThat(read.rowNumbers()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(read.row(11).email()).isEqualTo("chloe.dubois@contoso.example");
        assertThat(read.row(11).displayName()).isEqualTo("Chloé Dubois");
        assertThat(read.row(12).email()).isEqualTo("omar.haddad@contoso.example");
    }

    @Test
    void acceptsEightRowsAndRejectsFourForTheReadmeReasons() {
        assertThat(ContosoRules.CONTOSO.validRows(read.rows())).containsExactly(2, 3, 4, 7, 10, 11, 12, 13);
        assertThat(ContosoRules.CONTOSO.rejections(read.rows())).isEqualTo(Map.of(
                5, Set.of(DISPLAY_NAME_REQUIRED),
                6, Set.of(ALIAS_TOO_LONG),
                8, Set.of(DUPLICATE_EMAIL),
                9, Set.of(DUPLICATE_EMAIL)));
    }

    @Test
    void namesTheOtherRowOnEachCopyOfADuplicate() {
        List<JudgedRow> judged = ContosoRules.CONTOSO.judge(read.rows());
        assertThat(judged.get(6).notes()).extracting(ImportNote::arguments).containsExactly(List.of("9"));
        assertThat(judged.get(7).notes()).extracting(ImportNote::arguments).containsExactly(List.of("8"));
    }

    @Test
    void mapsUserNameToEmailAndKeepsUtf8Accents() {
        ParsedUserRow ines = read.row(2);
        assertThat(ines.email()).isEqualTo("ines.garrido@contoso.example");
        assertThat(ines.firstName()).isEqualTo("Inés");
        assertThat(ines.lastName()).isEqualTo("Garrido");
        assertThat(ines.displayName()).isEqualTo("Inés Garrido");
        assertThat(read.row(3).displayName()).isEqualTo("Dmitri Volkov");
        assertThat(read.row(10).displayName()).isEqualTo("Peter Novák");
    }

    @Test
    void readsARowWhoseIgnoredFieldsAreSingleSpaces() {
        ParsedUserRow sophie = read.row(4);
        assertThat(sophie.displayName()).isEqualTo("Sophie Martin");
        assertThat(sophie.notices()).isEmpty();
    }

    @Test
    void measuresTheAliasOfRowSixAtFiftyThreeCharacters() {
        String email = read.row(6).email();
        assertThat(email.substring(0, email.indexOf('@'))).hasSize(53);
    }

    @Test
    void keepsCjkDisplayNamesWhole() {
        String yuki = read.row(7).displayName();
        assertThat(yuki).isEqualTo("田中 由紀 (Yuki Tanaka)");
        assertThat(yuki.codePointCount(0, yuki.length())).isEqualTo(19);
    }

    @Test
    void treatsCaseVariantsOfOneEmailAsTheSameUser() {
        assertThat(read.row(8).email()).isEqualTo("fatima.zahra@contoso.example");
        assertThat(read.row(9).email()).isEqualTo("FATIMA.ZAHRA@contoso.example");
    }

    @Test
    void readsTheRowWithALeadingZeroZipCodeAsText() {
        // The ZIP column is not imported; what matters is that the row reads as text, nothing converted.
        ParsedUserRow nora = read.row(13);
        assertThat(nora.displayName()).isEqualTo("Nora Berg");
        assertThat(nora.notices()).isEmpty();
    }
}
