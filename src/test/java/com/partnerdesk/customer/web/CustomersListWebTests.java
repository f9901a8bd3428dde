package com.partnerdesk.customer.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The customers list and the dashboard as a Sales agent (read-only) sees them. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomersListWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void listsCustomersWithActiveUsersAndSubscriptionsFoundByNameOrDomain() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Northwind Listing");
        data.subscription(customer.id(), "SPE_E3", 10);
        data.subscription(customer.id(), "POWER_BI_PRO", 10);
        data.user(customer, "Ada Admin", "ada");
        UUID deleted = data.user(customer, "Bruno Gone", "bruno");
        data.user(customer, "Carmen Ruiz", "carmen");
        jdbc.update("update customer_user set deleted_at = now(), deleted_by = 'admin' where id = ?", deleted);

        String byName = page("/customers?q=" + customer.name().replace(" ", "%20"));
        assertThat(byName).contains(customer.name(), customer.domain(), "1 customer");
        assertThat(byName).containsPattern("<td class=\"text-end\">2</td>\\s*<td class=\"text-end\">2</td>");
        assertThat(page("/customers?q=" + customer.domain().toUpperCase())).contains(customer.name());
        assertThat(page("/customers?q=no-such-customer-anywhere")).contains("No customers found.");
    }

    @Test
    void tamperedParametersNeverFail() throws Exception {
        assertThat(page("/customers?page=999999999&size=100000")).contains("</table>");
        assertThat(page("/customers?q=" + "%25".repeat(50))).contains("No customers found.");
        assertThat(mvc.perform(get("/customers?q=" + "x".repeat(5_000)).with(user("sales").roles("SALES_AGENT")))
            .andReturn()
            .getResponse()
            .getRedirectedUrl()).isEqualTo("/customers?q=" + "x".repeat(100));
        assertThat(page("/customers?page=-1&q=_")).contains("</table>");
    }

    @Test
    void dashboardShowsSeatUsageAndTheRestoreSection() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Dashboard Contoso");
        UUID visio = data.subscription(customer.id(), "VISIOCLIENT", 1);
        data.assign(customer.id(), visio, List.of(data.user(customer, "Ada Admin", "ada")));
        String dashboard = page("/");
        assertThat(dashboard).contains("Seats per product", "Visio Plan 2", "<meter", "Deleted users whose restore window");
    }

    private String page(String url) throws Exception {
        var response = mvc.perform(get(URI.create(url)).with(user("sales").roles("SALES_AGENT"))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }
}
