package com.partnerdesk.directory;

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
 * An admin picks users on two pages of the list, and then all users matching a filter, and hands them to a bulk
 * action: the selection that reaches the server is exactly what the page said was selected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserSelectionBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void selectionSpansPagesAndCanTakeEveryMatchingUser() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Paging Contoso");
        for (int i = 1; i <= 30; i++) {
            data.user(customer, String.format("User %02d", i), "user" + i);
        }
        String list = "/customers/" + customer.id() + "/users?size=25";

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestData.STAFF_PASSWORD).shows("main h1");
            browser.get(list).shows("[data-select-page]");
            browser.click("[data-select-page]");
            assertThat(browser.find("[data-selection-count]").getText()).isEqualTo("25 selected");
            assertThat(browser.find("[data-select-all-offer]").isDisplayed()).isTrue();

            browser.follow("Next").shows("[data-select-page]");
            assertThat(browser.findAll("[data-select-user]")).hasSize(5);
            browser.click("[data-select-user]");
            assertThat(browser.find("[data-selection-count]").getText()).isEqualTo("26 selected");
            browser.screenshot("selection-1-second-page");
            browser.assertAccessible();

            browser.clickAndLoad("button[name=action][value=licenses]");
            assertThat(browser.url()).contains("/users/licenses?selection=");
            assertThat(storedSelectionSize(customer.id(), browser.url())).isEqualTo(26);

            browser.get(list).shows("[data-select-page]");
            assertThat(browser.find("[data-selection-count]").getText())
                .as("a selection handed to an action is forgotten by the page").isEqualTo("No users selected");
            browser.click("[data-select-page]").click("[data-select-all-matching]");
            assertThat(browser.find("[data-selection-count]").getText())
                .isEqualTo("All 30 users matching the filter are selected");
            browser.clickAndLoad("button[name=action][value=delete]");
            assertThat(browser.url()).contains("/users/delete?selection=");
            assertThat(storedSelectionSize(customer.id(), browser.url())).isEqualTo(30);
        }
    }

    private int storedSelectionSize(UUID customerId, String url) {
        UUID selection = UUID.fromString(url.substring(url.indexOf("selection=") + "selection=".length()));
        return jdbc.queryForObject(
                "select cardinality(user_ids) from user_selection where customer_id = ? and id = ?", Integer.class,
                customerId, selection);
    }
}
