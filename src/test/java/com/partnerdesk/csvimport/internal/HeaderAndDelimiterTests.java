package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delimiter sniffing and {@code sep=}, header matching and whole-file rejection. */
class HeaderAndDelimiterTests {

    private static final String PC_EXPECTED =
            "\"First name\", \"Last name\", \"Display name\", \"Email\", \"Usage location\", \"Licenses\"";
    private static final String PC_ES_EXPECTED =
            "\"Nombre\", \"Apellidos\", \"Nombre para mostrar\", \"Correo electrónico\", \"Ubicación de uso\", \"Licencias\"";

    @TempDir
    Path directory;

    @Test
    void sniffsTheDelimiterThatSplitsTheHeaderIntoKnownColumns() {
        CollectedRead read = read("First name;Last name;Display name;Email\r\nAna;Ruiz;Ruiz, Ana;ana@contoso.example\r\n");

        assertThat(read.summary().delimiter()).isEqualTo(';');
        assertThat(read.row(2).displayName()).isEqualTo("Ruiz, Ana");
    }

    @Test
    void takesTheDelimiterFromASepLineAndCountsThatLineAsARow() {
        CollectedRead read = read("sep=;\r\nFirst name;Last name;Display name;Email\r\nAna;Ruiz;Ana Ruiz;ana@contoso.example\r\n");

        assertThat(read.summary().delimiter()).isEqualTo(';');
        assertThat(read.summary().headerRow()).isEqualTo(2);
        assertThat(read.rowNumbers()).containsExactly(3);
        assertThat(read.row(3).email()).isEqualTo("ana@contoso.example");
    }

    @Test
    void acceptsATabOrPipeDeclaredBySepLine() {
        assertThat(read("sep=\t\nDisplay name\tEmail\nAna Ruiz\tana@contoso.example\n").summary().delimiter())
                .isEqualTo('\t');
        assertThat(read("SEP=|\nDisplay name|Email\nAna Ruiz|ana@contoso.example\n").row(3).displayName())
                .isEqualTo("Ana Ruiz");
    }

    @Test
    void triesOnlyTheDeclaredDelimiter() {
        CsvFileRejected rejection = rejected("sep=;\r\nDisplay name,Email\r\nAna Ruiz,ana@contoso.example\r\n");

        assertThat(rejection.messageKey()).isEqualTo("import.file.headerNotRecognised");
    }

    @Test
    void readsTheSpanishPartnerCenterTemplateWithItsOptionalColumns() {
        CollectedRead read = read("Nombre,Apellidos,Nombre para mostrar,Correo electrónico,Actualización de estado,"
                + "Ubicación de uso,Licencias\r\n"
                + "Ana,Ruiz,Ana Ruiz,ana@contoso.example,Creado,ES,Microsoft 365 E3; Teams Phone|Visio Plan 2\r\n");

        assertThat(read.summary().template()).isEqualTo(CsvTemplate.PARTNER_CENTER_ES);
        ParsedUserRow ana = read.row(2);
        assertThat(ana.firstName()).isEqualTo("Ana");
        assertThat(ana.lastName()).isEqualTo("Ruiz");
        assertThat(ana.displayName()).isEqualTo("Ana Ruiz");
        assertThat(ana.email()).isEqualTo("ana@contoso.example");
        assertThat(ana.usageLocation()).isEqualTo("ES");
        assertThat(ana.licenses()).containsExactly("Microsoft 365 E3", "Teams Phone", "Visio Plan 2");
        assertThat(ana.notices()).containsExactly(
                new RowNotice(RowNotice.Severity.WARNING, "import.row.statusUpdateIgnored", List.of("Creado")));
    }

    @Test
    void matchesHeadersIgnoringCaseSurroundingBlanksAndDoubledSpaces() {
        CollectedRead read = read("\uFEFF FIRST NAME ,last\u00A0name,\u00A0Display  name\t,EMAIL\r\n"
                + "Ana,Ruiz,Ana Ruiz,ana@contoso.example\r\n");

        assertThat(read.summary().template()).isEqualTo(CsvTemplate.PARTNER_CENTER_EN);
        assertThat(read.row(2).firstName()).isEqualTo("Ana");
    }

    @Test
    void toleratesEmptyHeaderCellsExcelPadsTheHeaderWith() {
        CollectedRead read = read("Display name,Email,,\r\nAna Ruiz,ana@contoso.example,,\r\n");

        assertThat(read.row(2).notices()).isEmpty();
        assertThat(read.summary().ignoredColumns()).isEmpty();
    }

    @Test
    void rejectsAHeaderNoTemplateKnowsListingBothPartnerCenterHeaders() {
        CsvFileRejected rejection = rejected("Name,Mail\r\nAna Ruiz,ana@contoso.example\r\n");

        assertThat(rejection.messageKey()).isEqualTo("import.file.headerNotRecognised");
        assertThat(rejection.arguments()).containsExactly(PC_EXPECTED, PC_ES_EXPECTED);
    }

    @Test
    void rejectsAMissingRequiredColumnNamingTheTemplate() {
        CsvFileRejected rejection = rejected("First name,Last name,Email\r\nAna,Ruiz,ana@contoso.example\r\n");

        assertThat(rejection.messageKey()).isEqualTo("import.file.columnsMissing");
        assertThat(rejection.arguments()).containsExactly("Partner Center", "\"Display name\"", PC_EXPECTED);
    }

    @Test
    void namesTheMicrosoft365TemplateWhenItsUserNameColumnIsMissing() {
        CsvFileRejected rejection = rejected("First Name,Last Name,Display Name,Job Title,Department,Office Number,"
                + "Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,"
                + "ZIP or Postal Code,Country or Region\r\n");

        assertThat(rejection.messageKey()).isEqualTo("import.file.columnsMissing");
        assertThat(rejection.arguments()).containsExactly("Microsoft 365 admin center", "\"User Name\"",
                "\"User Name\", \"First Name\", \"Last Name\", \"Display Name\"");
    }

    @Test
    void namesTheEntraTemplateWhenItsUserPrincipalNameColumnIsMissing() {
        CsvFileRejected rejection = rejected("version:v1.0,,\r\n"
                + "Name [displayName] Required,Initial password [passwordProfile] Required,First name [givenName]\r\n");

        assertThat(rejection.messageKey()).isEqualTo("import.file.columnsMissing");
        assertThat(rejection.arguments().subList(0, 2))
                .containsExactly("Microsoft Entra bulk create", "\"User name [userPrincipalName] Required\"");
    }

    @Test
    void rejectsAnUnknownExtraColumn() {
        CsvFileRejected rejection = rejected("Display name,Email,Notes\r\nAna Ruiz,ana@contoso.example,VIP\r\n");

        assertThat(rejection.messageKey()).isEqualTo("import.file.columnsUnknown");
        assertThat(rejection.arguments()).containsExactly("Partner Center", "\"Notes\"", PC_EXPECTED);
    }

    @Test
    void rejectsAColumnThatAppearsTwice() {
        CsvFileRejected rejection = rejected("Display name,Email,email\r\n");

        assertThat(rejection.messageKey()).isEqualTo("import.file.columnRepeated");
        assertThat(rejection.arguments()).containsExactly("email");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThat(rejected("").messageKey()).isEqualTo("import.file.empty");
        assertThat(rejected("\uFEFF").messageKey()).isEqualTo("import.file.empty");
    }

    @Test
    void readsAFileWithOnlyAHeaderAsHavingNoRows() {
        CollectedRead read = read("Display name,Email");

        assertThat(read.rows()).isEmpty();
        assertThat(read.summary().dataRowCount()).isZero();
    }

    private CollectedRead read(String text) {
        return CollectedRead.of(TestFiles.writeEncoded(directory, text, StandardCharsets.UTF_8));
    }

    private CsvFileRejected rejected(String text) {
        Path file = TestFiles.writeEncoded(directory, text, StandardCharsets.UTF_8);
        return catchThrowableOfType(CsvFileRejected.class, () -> CollectedRead.of(file));
    }
}
