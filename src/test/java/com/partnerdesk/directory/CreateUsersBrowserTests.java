package com.partnerdesk.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.support.Browser;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Admin agent adds three users with Add another user and Complete, sees their temporary passwords once, prints
 * them, finds them gone on reload, and one of the users signs in with the temporary password, chooses a password and
 * reaches My account. Once in English, once in Spanish; every page is checked with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreateUsersBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void addThreeUsersPrintTheirPasswordsOnceAndSignInAsOneInEnglish() throws Exception {
        runThrough("en", new Labels("Add user", "Added in this run: 2 users", "Temporary passwords",
                "These passwords were shown once and are no longer displayed.",
                "These temporary passwords are no longer available", "Choose your password", "My account"));
    }

    @Test
    void theSameFlowInSpanish() throws Exception {
        runThrough("es", new Labels("Agregar usuario", "Agregados en esta serie: 2 usuarios", "Contraseñas temporales",
                "Estas contraseñas ya se mostraron una vez y no se vuelven a mostrar.",
                "Estas contraseñas temporales ya no están disponibles", "Elija su contraseña", "Mi cuenta"));
    }

    private void runThrough(String language, Labels labels) throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Browser Create " + language);
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 10);
        List<String[]> people = List.of(new String[] { "Lucía", "Fernández", "lucia" },
                new String[] { "Grace", "Hopper", "grace" }, new String[] { "Zoë", "Ng", "zoe" });
        List<Credential> shown = new ArrayList<>();
        String confirmationUrl;

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestData.STAFF_PASSWORD).shows("main h1");
            browser.get("/customers/" + customer.id() + "/users?lang=" + language).shows(".users-table");
            browser.follow(labels.addUser()).shows("form.add-user-form");
            browser.screenshot("create-" + language + "-1-form");
            browser.assertAccessible();

            for (int i = 0; i < people.size(); i++) {
                String[] person = people.get(i);
                browser.type("#firstName", person[0]).type("#lastName", person[1])
                    .type("#displayName", person[0] + " " + person[1]).type("#localPart", person[2]);
                new Select(browser.find("#usageLocation")).selectByValue("ES");
                browser.click("input[name=subscriptionIds][value='" + e3 + "']");
                if (i == people.size() - 1) {
                    assertThat(browser.text()).contains(labels.runSummary());
                    browser.assertAccessible();
                    browser.clickAndLoad("button[value=complete]").shows(".credentials");
                }
                else {
                    browser.clickAndLoad("button[value=another]").shows(".run-summary");
                }
            }
            confirmationUrl = browser.url();
            browser.screenshot("create-" + language + "-2-confirmation");
            browser.assertAccessible();
            assertThat(browser.find("main h2").getText()).isEqualTo(labels.confirmationTitle());
            for (WebElement block : browser.findAll(".credential")) {
                shown.add(new Credential(block.findElement(By.tagName("h3")).getText(),
                        block.findElement(By.cssSelector(".credential-username")).getText(),
                        block.findElement(By.cssSelector(".credential-password")).getText()));
            }
            assertThat(shown).extracting(Credential::displayName)
                .containsExactlyInAnyOrder("Lucía Fernández", "Grace Hopper", "Zoë Ng");
            assertThat(shown).extracting(Credential::username).containsExactlyInAnyOrder("lucia@" + customer.domain(),
                    "grace@" + customer.domain(), "zoe@" + customer.domain());

            assertThat(printDialogsOpenedByOneClick(browser)).isEqualTo(1);
            String printed = printToPdfText(browser, language);
            for (Credential credential : shown) {
                assertThat(printed).contains(credential.displayName(), credential.username(), credential.password());
            }
            assertThat(printed).doesNotContain(labels.addUser());

            browser.reload().shows("main h2");
            assertThat(browser.text()).contains(labels.alreadyShown());
            shown.forEach(c -> assertThat(browser.text()).doesNotContain(c.password()));
            assertThat(browser.findAll(".credential")).isEmpty();
            browser.screenshot("create-" + language + "-3-reloaded");
            browser.assertAccessible();
        }

        if ("en".equals(language)) {
            try (Browser otherSession = Browser.open(port)) {
                otherSession.signIn(admin, TestData.STAFF_PASSWORD).shows("main h1");
                otherSession.get(confirmationUrl).shows("main h2");
                assertThat(otherSession.text()).contains(labels.gone());
                shown.forEach(c -> assertThat(otherSession.text()).doesNotContain(c.password()));
            }
        }

        Credential lucia = shown.stream().filter(c -> c.displayName().startsWith("Lucía")).findFirst().orElseThrow();
        try (Browser user = Browser.open(port)) {
            user.get("/my/sign-in?lang=" + language).shows("#username");
            user.assertAccessible();
            user.type("#username", lucia.username()).type("#password", lucia.password()).clickAndLoad("button[type=submit]")
                .shows("#newPassword");
            assertThat(user.find("h1").getText()).isEqualTo(labels.changeTitle());
            user.screenshot("create-" + language + "-4-change-password");
            user.assertAccessible();
            user.type("#newPassword", "una frase larga y mía").type("#confirmation", "una frase larga y mía")
                .clickAndLoad("form[action$='/my/change-password'] button[type=submit]");
            if (user.findAll(".account-details").isEmpty()) {
                user.screenshot("create-" + language + "-5-failed");
                throw new AssertionError("My account did not open; at " + user.url() + ":\n" + user.text());
            }
            assertThat(user.find("h1").getText()).isEqualTo(labels.myAccount());
            assertThat(user.text()).contains("Lucía Fernández", lucia.username(), "Microsoft 365 E3");
            user.screenshot("create-" + language + "-5-my-account");
            user.assertAccessible();
        }
    }

    /** Counts the print dialogs one click on Print asks for, with the dialog itself replaced by a counter. */
    private static long printDialogsOpenedByOneClick(Browser browser) {
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        script.executeScript("window.printDialogs = 0; window.print = () => { window.printDialogs += 1; };");
        browser.click("[data-print]");
        return (Long) script.executeScript("return window.printDialogs;");
    }

    private static String printToPdfText(Browser browser, String language) throws IOException {
        String pdf = ((PrintsPage) browser.driver()).print(new PrintOptions()).getContent();
        byte[] bytes = Base64.getDecoder().decode(pdf);
        Path target = Path.of("target", "screenshots", "create-" + language + "-confirmation.pdf");
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).as("one user per printed page").isGreaterThanOrEqualTo(3);
            return new PDFTextStripper().getText(document);
        }
    }

    record Labels(String addUser, String runSummary, String confirmationTitle, String alreadyShown, String gone,
            String changeTitle, String myAccount) {
    }

    record Credential(String displayName, String username, String password) {
    }
}
