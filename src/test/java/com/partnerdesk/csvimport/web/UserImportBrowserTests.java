package com.partnerdesk.csvimport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.partnerdesk.csvimport.internal.SampleFiles;
import com.partnerdesk.support.Browser;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An admin uploads what Spanish Excel writes (Windows-1252, semicolons), reads the rejected row and its reason,
 * switches to Spanish, creates the users, sees their temporary passwords on the shared one-time confirmation page and
 * finds them in the list, accents exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserImportBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path directory;

    @Test
    void adminImportsTheSpanishExcelFileAndFindsTheUsersWithExactAccents() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Importing Contoso");
        Path file = Files.write(directory.resolve("usuarios.csv"),
                SampleFiles.forDomain("excel-es-semicolon-cp1252.csv", customer.domain()));

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestData.STAFF_PASSWORD).shows("main h1");
            browser.get("/customers/" + customer.id() + "/users").shows(".users-table");
            browser.follow("Add multiple users").shows("#file");
            browser.screenshot("import-1-upload");
            browser.assertAccessible();

            browser.find("#file").sendKeys(file.toString());
            browser.clickAndLoad(".import-upload button[type=submit]").shows(".rejected-rows");
            assertThat(browser.find("[data-count-valid]").getText()).isEqualTo("11");
            assertThat(browser.find("[data-count-rejected]").getText()).isEqualTo("1");
            assertThat(browser.find(".rejected-rows").getText())
                    .contains("9", "Email", "ángela.cañete@" + customer.domain(),
                            "Use only the letters A–Z and a–z, digits and ' . - _ ! # ^ ~ before the @.");
            browser.screenshot("import-2-preview");
            browser.assertAccessible();

            browser.follow("Español").shows(".rejected-rows");
            assertThat(browser.text()).contains("Filas rechazadas", "Listos para crear", "Correo electrónico",
                    "Use solo las letras A–Z y a–z");
            browser.screenshot("import-3-preview-es");
            browser.assertAccessible();

            browser.clickAndLoad("[data-create-users]").shows(".credentials");
            assertThat(browser.url()).contains("/customers/" + customer.id() + "/handoffs/");
            assertThat(browser.find(".credentials").getText())
                    .contains("José Muñoz", "María O\u2019Neill", "Peña Álvarez, Raúl", "Recepción; planta 2");
            assertThat(browser.findAll(".credential-password")).hasSize(11);
            assertThat(browser.text()).contains("Contraseñas temporales", "Imprimir", "Descargar CSV");
            browser.screenshot("import-4-passwords-es");
            browser.assertAccessible();

            browser.get("/customers/" + customer.id() + "/users?size=50").shows(".users-table");
            assertThat(browser.find(".users-table").getText()).contains("José Muñoz", "Begoña Ibáñez",
                    "Íñigo Martínez-Sáez", "María O\u2019Neill", "Peña Álvarez, Raúl", "Núria Puig i Solà",
                    "Jürgen Weiß", "François Lefèvre", "Zoë Ællingsen", "Sebastián Gutiérrez", "Recepción; planta 2");
            browser.screenshot("import-5-users-es");
        }
    }
}
