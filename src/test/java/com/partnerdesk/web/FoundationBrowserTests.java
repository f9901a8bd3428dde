package com.partnerdesk.web;

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
 * A partner admin signs in and walks Dashboard → Customers → a customer → Users and licenses, filters, and switches to
 * Spanish. Every page is screenshotted into target/screenshots and checked with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FoundationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminBrowsesToAFilteredUserListInBothLanguages() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Browsing Contoso");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID licensed = data.user(customer, "Lucía Fernández", "lucia", "GLOBAL_ADMIN");
        data.user(customer, "Zoë Unlicensed", "zoe");
        data.assign(customer.id(), e3, List.of(licensed));

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestData.STAFF_PASSWORD).shows("main h1");
            assertThat(browser.find("main h1").getText()).isEqualTo("Dashboard");
            browser.screenshot("foundation-1-dashboard");
            browser.assertAccessible();

            browser.follow("Customers").shows("#q");
            browser.type("#q", customer.name()).clickAndLoad("form[role=search] button[type=submit]");
            assertThat(browser.url()).contains("q=");
            browser.follow(customer.name()).shows(".users-table");
            String users = browser.url();
            browser.screenshot("foundation-2-users");
            browser.assertAccessible();
            assertThat(browser.text()).contains("Lucía Fernández", "Zoë Unlicensed", "Microsoft 365 E3", "Global admin");

            browser.get(browser.url() + "?unlicensed=true").shows(".users-table");
            assertThat(browser.text()).contains("Zoë Unlicensed").doesNotContain("Lucía Fernández");
            // "No license at all" has no counter: the page's script asks for the count once the page is shown.
            browser.waitForText("[data-user-count-text]", "1 user");
            browser.screenshot("foundation-3-filtered");
            browser.assertAccessible();

            browser.follow("Español").shows(".users-table");
            assertThat(browser.text()).contains("Usuarios y licencias", "Filtrar usuarios por…", "Zoë Unlicensed");
            browser.waitForText("[data-user-count-text]", "1 usuario");
            browser.follow("Panel").shows("main h1");
            assertThat(browser.find("main h1").getText()).isEqualTo("Panel");
            assertThat(browser.text()).contains("Clientes");
            browser.screenshot("foundation-4-panel-es");
            browser.assertAccessible();

            // The search box, in Spanish, ignoring case in accented letters too.
            browser.get(users).shows(".users-table");
            browser.type("#q", "FERNÁNDEZ").clickAndLoad("form[role=search] button[type=submit]");
            assertThat(browser.url()).contains("q=");
            assertThat(browser.text()).contains("Lucía Fernández", "Búsqueda: FERNÁNDEZ").doesNotContain("Zoë Unlicensed");
            browser.screenshot("foundation-5-search-es");
            browser.assertAccessible();
        }
    }
}
