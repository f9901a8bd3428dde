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
 * The users list with its filter chips, sort headers and page sizes, the customers list and the dashboard's seat
 * meters, in English and Spanish: screenshots into target/screenshots and an axe-core check of each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminNarrowsTheUsersListWithChipsAndSortsItInBothLanguages() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Chips Contoso");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 4);
        UUID teams = data.subscription(customer.id(), "TEAMS_ESSENTIALS", 10);
        UUID visio = data.subscription(customer.id(), "VISIOCLIENT", 10);
        UUID ada = data.user(customer, "Ada Lovelace", "ada", "GLOBAL_ADMIN");
        UUID bruno = data.user(customer, "Bruno Díaz", "bruno");
        UUID carmen = data.user(customer, "Carmen Ruiz", "carmen", "USER_ADMIN");
        data.user(customer, "Dmitri Novak", "dmitri");
        data.assign(customer.id(), e3, List.of(ada, bruno, carmen, data.user(customer, "Elena Rossi", "elena")));
        data.assign(customer.id(), teams, List.of(ada, carmen));
        data.assign(customer.id(), visio, List.of(ada));

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestData.STAFF_PASSWORD).shows("main h1");
            browser.screenshot("lists-1-dashboard-seats");
            browser.assertAccessible();

            browser.get("/customers?q=" + customer.domain()).shows("main table");
            assertThat(browser.text()).contains(customer.name(), "Active users", "Subscriptions");
            browser.screenshot("lists-2-customers");
            browser.assertAccessible();

            browser.get("/customers/" + customer.id() + "/users?hasLicense=" + e3 + "&role=GLOBAL_ADMIN&sort=USERNAME_DESC")
                .shows(".filter-chip");
            assertThat(browser.text()).contains("Has license: Microsoft 365 E3", "Role: Global admin", "+1");
            browser.screenshot("lists-3-users-chips");
            browser.assertAccessible();

            browser.clickAndLoad("a.filter-chip:nth-of-type(2)").shows(".users-table");
            assertThat(browser.text()).contains("Carmen Ruiz", "Has license: Microsoft 365 E3")
                .doesNotContain("Role: Global admin");

            browser.follow("Español").shows(".users-table");
            assertThat(browser.text()).contains("Filtros activos:", "Tiene la licencia: Microsoft 365 E3",
                    "Usuarios por página:", "Creado");
            browser.screenshot("lists-4-users-chips-es");
            browser.assertAccessible();
            browser.follow("Panel").shows("main h1");
            browser.screenshot("lists-5-panel-es");
            browser.assertAccessible();
        }
    }
}
