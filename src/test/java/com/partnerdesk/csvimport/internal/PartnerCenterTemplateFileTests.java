package com.partnerdesk.csvimport.internal;

import static com.partnerdesk.csvimport.internal.ContosoRules.DISPLAY_NAME_REQUIRED;
import static com.partnerdesk.csvimport.internal.ContosoRules.DOMAIN_NOT_VERIFIED;
import static com.partnerdesk.csvimport.internal.ContosoRules.NOT_AN_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** pc-template-style.csv: 15 data rows, 12 valid (1 with a warning), 3 rejected. */
class PartnerCenterTemplateFileTests {

    private final CollectedRead read = CollectedRead.ofSample("pc-template-style.csv");

    @Test
    void readsUtf8WithByteOrderMarkAndCommas() {
        assertThat(read.summary().template()).isEqualTo(CsvTemplate.PARTNER_CENTER_EN);
        assertThat(read.summary().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read.summary().delimiter()).isEqualTo(',');
        assertThat(read.summary().headerRow()).isEqualTo(1);
        assertThat(read.summary().dataRowCount()).isEqualTo(15);
        assertThat(read.summary().skippedRowCount()).isZero();
        assertThat(read.summary().ignoredColumns()).isEmpty();
        assertThat(read.summary().notices()).isEmpty();
        assertThat(read.rowNumbers()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    }

    @Test
    void acceptsTwelveRowsAndRejectsThreeForTheReadmeReasons() {
        assertThat(ContosoRules.CONTOSO.validRows(read.rows()))
                .containsExactly(2, 3, 4, 5, 7, 9, 11, 12, 13, 14, 15, 16);
        assertThat(ContosoRules.CONTOSO.rejections(read.rows())).isEqualTo(Map.of(
                6, Set.of(DISPLAY_NAME_REQUIRED),
                8, Set.of(DOMAIN_NOT_VERIFIED),
                10, Set.of(NOT_AN_ADDRESS)));
    }

    @Test
    void leavesOptionalNamesEmpty() {
        ParsedUserRow frontDesk = read.row(4);
        assertThat(frontDesk.firstName()).isEmpty();
        assertThat(frontDesk.lastName()).isEmpty();
        assertThat(frontDesk.displayName()).isEqualTo("Front Desk");
        assertThat(read.row(6).displayName()).isEmpty();
    }

    @Test
    void warnsOnlyAboutTheFilledStatusUpdate() {
        assertThat(read.row(11).notices()).containsExactly(
                new RowNotice(RowNotice.Severity.WARNING, "import.row.statusUpdateIgnored", List.of("Created")));
        assertThat(read.rows()).filteredOn(row -> row.row() != 11).allMatch(row -> row.notices().isEmpty());
    }

    @Test
    void keepsTheCommaOfAQuotedDisplayName() {
        String displayName = read.row(12).displayName();
        assertThat(displayName).isEqualTo("Okafor, Samuel (Finance)");
        assertThat(displayName.codePointCount(0, displayName.length())).isEqualTo(24);
    }

    @Test
    void keepsTheApostropheInTheLocalPart() {
        assertThat(read.row(15).email()).isEqualTo("grace.o'brien@contoso.example");
    }

    @Test
    void matchesTheDomainCaseInsensitivelyAndStoresItLowerCased() {
        ParsedUserRow noah = read.row(16);
        assertThat(noah.email()).isEqualTo("Noah.Schmidt@Contoso.Example");
        assertThat(ContosoRules.normalisedEmail(noah)).isEqualTo("Noah.Schmidt@contoso.example");
    }

    @Test
    void readsLicensesAndUsageLocationAsEmptyWhenTheTemplateHasNoSuchColumns() {
        assertThat(read.rows()).allSatisfy(row -> {
            assertThat(row.licenses()).isEmpty();
            assertThat(row.usageLocation()).isEmpty();
            assertThat(row.displayNameDerived()).isFalse();
        });
    }
}
