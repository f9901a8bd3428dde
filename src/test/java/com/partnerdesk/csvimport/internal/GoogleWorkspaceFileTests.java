package com.partnerdesk.csvimport.internal;

import static com.partnerdesk.csvimport.internal.ContosoRules.NAME_TOO_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** google-workspace-style.csv, mapped by its header row: LF line endings, 11 data rows; 10 valid, 1 rejected. */
class GoogleWorkspaceFileTests {

    private final CollectedRead read = CollectedRead.ofSample("google-workspace-style.csv");

    @Test
    void recognisesGoogleWorkspaceWithLineFeedEndings() {
        assertThat(read.summary().template()).isEqualTo(CsvTemplate.GOOGLE_WORKSPACE);
        assertThat(read.summary().delimiter()).isEqualTo(',');
        assertThat(read.summary().dataRowCount()).isEqualTo(11);
        assertThat(read.rowNumbers()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void acceptsTenRowsAndRejectsTheFirstNameOfFiftyEightCharacters() {
        assertThat(ContosoRules.CONTOSO.validRows(read.rows())).containsExactly(2, 3, 4, 5, 6, 7, 8, 10, 11, 12);
        assertThat(ContosoRules.CONTOSO.rejections(read.rows())).isEqualTo(Map.of(9, Set.of(NAME_TOO_LONG)));
        String firstName = read.row(9).firstName();
        assertThat(firstName.codePointCount(0, firstName.length())).isEqualTo(58);
    }

    @Test
    void derivesDisplayNamesFromFirstAndLastName() {
        assertThat(read.row(2).displayName()).isEqualTo("Valeria Campos");
        assertThat(read.row(2).email()).isEqualTo("valeria.campos@contoso.example");
        assertThat(read.rows()).allMatch(ParsedUserRow::displayNameDerived);
        assertThat(read.summary().notices()).contains(FileNotice.of("import.file.displayNamesDerived"));
    }

    @Test
    void derivesTheFirstNameAloneWhenTheLastNameIsEmpty() {
        assertThat(read.row(6).lastName()).isEmpty();
        assertThat(read.row(6).displayName()).isEqualTo("Leila");
    }

    @Test
    void ignoresTheKeepPasswordMarkerAndGoogleOnlyColumns() {
        assertThat(read.row(3).toString()).doesNotContain("****");
        assertThat(read.summary().notices()).contains(FileNotice.of("import.file.passwordsNotUsed"));
        assertThat(read.summary().ignoredColumns()).hasSize(26)
                .contains("Password [Required]", "New Licenses [UPLOAD ONLY]", "New Status [UPLOAD ONLY]");
        assertThat(read.row(12).licenses()).isEmpty();
        assertThat(read.rows()).allMatch(row -> row.notices().isEmpty());
    }

    @Test
    void keepsQuotedMultiValueAndMultiLineFieldsInTheirRows() {
        assertThat(read.row(4).email()).isEqualTo("ingrid.holm@contoso.example");
        assertThat(read.row(5).email()).isEqualTo("rafael.souza@contoso.example");
        assertThat(read.row(6).email()).isEqualTo("leila@contoso.example");
    }
}
