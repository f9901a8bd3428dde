package com.partnerdesk.csvimport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import com.partnerdesk.csvimport.internal.CsvFileGenerator;
import com.partnerdesk.support.Browser;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An admin uploads a file large enough to be read and created in the background, watches the progress bar, and is
 * taken to the preview and then to the temporary passwords without reloading anything by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackgroundImportBrowserTests {

    private static final int USERS = 7_200;

    /** How long reading or creating them may take on a busy machine: a bound, not a measurement. */
    private static final Duration BACKGROUND_WORK = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path directory;

    @Test
    void theProgressBarLeadsToThePreviewAndThenToThePasswords() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Background Browser");
        Path file = CsvFileGenerator.writePartnerCenterFile(directory.resolve("users.csv"), USERS, customer.domain());

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestData.STAFF_PASSWORD).shows("main h1");
            browser.get("/customers/" + customer.id() + "/users/import").shows("#file");

            try (HeldTable held = HeldTable.hold(dataSource, "import_row")) {
                browser.find("#file").sendKeys(file.toString());
                browser.clickAndLoad(".import-upload button[type=submit]").shows(".import-progress progress");
                assertThat(browser.find(".import-progress [role=status]").getText()).contains("Reading the file");
                assertThat(browser.find(".import-progress progress").getAccessibleName()).contains("Reading the file");
                browser.screenshot("background-import-1-reading");
                browser.assertAccessible();
            }
            // Once the file is read, the page reloads itself and shows the preview.
            browser.waitFor("[data-count-valid]", BACKGROUND_WORK);
            assertThat(browser.find("[data-count-valid]").getText()).isEqualTo("7200");
            browser.screenshot("background-import-2-preview");

            try (HeldTable held = HeldTable.hold(dataSource, "customer_user")) {
                browser.clickAndLoad("[data-create-users]").shows("[data-progress-bar]");
                assertThat(browser.find("[data-progress-bar]").getAttribute("max")).isEqualTo("100");
                assertThat(browser.find("[data-progress-bar]").getAccessibleName()).contains("Creating users");
                assertThat(browser.find("[data-progress-bar]").getAriaRole()).isEqualTo("progressbar");
                browser.screenshot("background-import-3-creating");
                browser.assertAccessible();
            }
            // Once the users are created, the page goes on to the temporary passwords by itself.
            browser.waitFor(".credentials", BACKGROUND_WORK);
            assertThat(browser.url()).contains("/customers/" + customer.id() + "/handoffs/");
            assertThat(browser.text()).contains("7,200 users in total");
            browser.screenshot("background-import-4-passwords");
            browser.assertAccessible();
        }
    }
}
