package com.partnerdesk.csvimport.internal;

import static com.partnerdesk.csvimport.internal.ContosoRules.DOMAIN_NOT_VERIFIED;
import static com.partnerdesk.csvimport.internal.ContosoRules.USERNAME_CHARACTERS;
import static com.partnerdesk.csvimport.internal.ContosoRules.USAGE_LOCATION_NOT_ISO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** entra-bulk-create-style.csv, mapped by its header row: a version line, then 12 data rows; 9 valid, 3 rejected. */
class EntraBulkCreateFileTests {

    private static final List<String> PASSWORDS_IN_THE_FILE = List.of("Welcome!2025x", "Temp#Pass9921",
            "myPassword1234", "Spring#Rain42", "Fjord!Light77", "Sol&Mar2025!", "Wisla!River8", "Paris#Nord2025",
            "Winter$Lake19", "Gold!Coast55", "Jade#Tower31");

    private final CollectedRead read = CollectedRead.ofSample("entra-bulk-create-style.csv");

    @Test
    void skipsTheVersionLineSoTheHeaderIsRowTwo() {
        assertThat(read.summary().template()).isEqualTo(CsvTemplate.ENTRA_BULK_CREATE);
        assertThat(read.summary().headerRow()).isEqualTo(2);
        assertThat(read.summary().dataRowCount()).isEqualTo(12);
        assertThat(read.rowNumbers()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    }

    @Test
    void acceptsNineRowsAndRejectsThreeForTheReadmeReasons() {
        assertThat(ContosoRules.CONTOSO.validRows(read.rows())).containsExactly(3, 4, 6, 7, 10, 11, 12, 13, 14);
        assertThat(ContosoRules.CONTOSO.rejections(read.rows())).isEqualTo(Map.of(
                5, Set.of(DOMAIN_NOT_VERIFIED),
                8, Set.of(USAGE_LOCATION_NOT_ISO),
                9, Set.of(USERNAME_CHARACTERS)));
    }

    @Test
    void mapsTheBracketedColumns() {
        ParsedUserRow carlos = read.row(3);
        assertThat(carlos.displayName()).isEqualTo("Carlos Mendoza");
        assertThat(carlos.email()).isEqualTo("carlos.mendoza@contoso.example");
        assertThat(carlos.firstName()).isEqualTo("Carlos");
        assertThat(carlos.lastName()).isEqualTo("Mendoza");
        assertThat(carlos.usageLocation()).isEqualTo("ES");
        assertThat(read.row(5).email()).isEqualTo("chris@contoso.com");
        assertThat(read.row(8).usageLocation()).isEqualTo("España");
        assertThat(read.row(9).email()).isEqualTo("tomasz.wójcik@contoso.example");
    }

    @Test
    void trimsTheLeadingSpaceOfAUserPrincipalName() {
        assertThat(read.row(6).email()).isEqualTo("ana.ruiz@contoso.example");
    }

    @Test
    void noticesThatBlockSignInIsNotAppliedOnlyWhereItIsYes() {
        assertThat(read.row(7).notices()).containsExactly(
                new RowNotice(RowNotice.Severity.INFO, "import.row.blockSignInNotApplied", List.of()));
        assertThat(read.rows()).filteredOn(row -> row.row() != 7).allMatch(row -> row.notices().isEmpty());
    }

    @Test
    void neverCarriesAPasswordIntoTheRows() {
        assertThat(read.rows()).allSatisfy(row ->
                assertThat(row.toString()).doesNotContain(PASSWORDS_IN_THE_FILE));
        assertThat(read.summary().notices()).contains(FileNotice.of("import.file.passwordsNotUsed"));
    }

    @Test
    void readsAQuotedStreetAddressWithoutShiftingColumns() {
        ParsedUserRow jeanLuc = read.row(11);
        assertThat(jeanLuc.email()).isEqualTo("jean-luc.moreau@contoso.example");
        assertThat(jeanLuc.usageLocation()).isEqualTo("FR");
        assertThat(jeanLuc.notices()).isEmpty();
    }

    @Test
    void acceptsAnEmptyInitialPassword() {
        assertThat(read.row(10).displayName()).isEqualTo("Amara Obi");
        assertThat(read.row(10).notices()).isEmpty();
    }

    @Test
    void listsThePasswordBlockSignInAndOtherUnmappedColumnsAsIgnored() {
        assertThat(read.summary().ignoredColumns()).containsExactly(
                "Initial password [passwordProfile] Required",
                "Block sign in (Yes/No) [accountEnabled] Required",
                "Job title [jobTitle]",
                "Department [department]",
                "Street address [streetAddress]",
                "State or province [state]",
                "Country or region [country]",
                "Office [physicalDeliveryOfficeName]",
                "City [city]",
                "ZIP or postal code [postalCode]",
                "Office phone [telephoneNumber]",
                "Mobile phone [mobile]");
    }
}
