package com.partnerdesk.directory.web;

import java.util.List;
import java.util.UUID;

import com.partnerdesk.support.Browser;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Admin agent deletes two users, finds them in Deleted users (2), restores both and sees them back with their
 * licenses. Every page is screenshotted into target/screenshots and checked with axe-core; the tab once in Spanish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeletedUsersBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminDeletesTwoUsersAndRestoresThemWithTheirLicenses() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Browser Contoso");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID ada = data.user(customer, "Ada Lovelace", "ada");
        UUID grace = data.user(customer, "Grace Hopper", "grace");
        data.user(customer, "Keeps Working", "keeps", "GLOBAL_ADMIN");
        data.assign(customer.id(), e3, List.of(ada, grace));

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestData.STAFF_PASSWORD).shows("main h1");
            for (UUID user : List.of(ada, grace)) {
                browser.get("/customers/" + customer.id() + "/users/" + user).shows(".user-actions");
                browser.follow("Delete user account").shows("form button.btn-danger");
                if (user.equals(ada)) {
                    assertThat(browser.text()).contains("Ada Lovelace", "ada@" + customer.domain(), "Releases: Microsoft 365 E3");
                    browser.screenshot("deleted-users-1-confirm");
                    browser.assertAccessible();
                }
                browser.clickAndLoad("form button.btn-danger").shows(".users-table");
            }
            assertThat(browser.text()).contains("Grace Hopper was deleted", "Keeps Working")
                .doesNotContain("Ada Lovelace");

            browser.follow("Deleted users (2)").shows(".deleted-users-table");
            assertThat(browser.text()).contains("Ada Lovelace", "Grace Hopper", "Microsoft 365 E3", "30 days", admin);
            browser.screenshot("deleted-users-2-tab");
            browser.assertAccessible();

            browser.follow("Español").shows(".deleted-users-table");
            assertThat(browser.text()).contains("Usuarios eliminados (2)", "Días restantes para restaurar", "30 días",
                    "Restaurar los usuarios seleccionados");
            browser.screenshot("deleted-users-3-tab-es");
            browser.assertAccessible();
            browser.follow("English").shows(".deleted-users-table");

            browser.click("input[data-select-page]");
            browser.clickAndLoad(".bulk-actions button[type=submit]").shows(".restore-result");
            assertThat(browser.text()).contains("2 of 2 users restored.",
                    "Ada Lovelace (ada@" + customer.domain() + ") was restored.",
                    "Grace Hopper (grace@" + customer.domain() + ") was restored.",
                    "Licenses restored: Microsoft 365 E3.");
            browser.screenshot("deleted-users-4-result");
            browser.assertAccessible();

            browser.follow("Show the temporary passwords").shows(".credentials");
            assertThat(browser.text()).contains("ada@" + customer.domain(), "grace@" + customer.domain());
            browser.screenshot("deleted-users-5-passwords");

            browser.get("/customers/" + customer.id() + "/users").shows(".users-table");
            assertThat(browser.text()).contains("Ada Lovelace", "Grace Hopper", "Deleted users (0)");
            assertThat(browser.findAll(".users-table tbody tr").stream()
                .filter(row -> row.getText().contains("Microsoft 365 E3"))
                .count()).isEqualTo(2);
            browser.screenshot("deleted-users-6-back");
        }
    }
}
