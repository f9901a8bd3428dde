package com.partnerdesk.web;

import java.util.List;
import java.util.UUID;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every page renders for every staff role, and a Sales agent can look but never change anything. */
@SpringBootTest
@AutoConfigureMockMvc
class PagesByRoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    TestCustomer customer;

    UUID userId;

    @BeforeEach
    void createCustomer() {
        TestData data = new TestData(jdbc);
        customer = data.customer("Role Pages");
        userId = data.user(customer, "Rosa Pages", "rosa", "USER_ADMIN");
        UUID subscription = data.subscription(customer.id(), "SPE_E3", 10);
        data.assign(customer.id(), subscription, List.of(userId));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ADMIN_AGENT", "HELPDESK_AGENT", "SALES_AGENT" })
    void everyStaffRoleSeesTheDashboardCustomersUsersAUserAndTheActivity(String role) throws Exception {
        mvc.perform(get("/").with(as(role))).andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Dashboard")));
        mvc.perform(get("/customers").param("q", customer.name()).with(as(role))).andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString(customer.name())));
        mvc.perform(get("/customers/{id}/users", customer.id()).with(as(role))).andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Rosa Pages")));
        mvc.perform(get("/customers/{id}/users/{userId}", customer.id(), userId).with(as(role)))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("rosa@" + customer.domain())));
        mvc.perform(get("/customers/{id}/activity", customer.id()).with(as(role))).andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Activity")));
    }

    @Test
    void onlyAnAdminAgentGetsTheAddCustomerAndEditDomainsForms() throws Exception {
        mvc.perform(get("/customers/new").with(as("ADMIN_AGENT"))).andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Add customer")));
        mvc.perform(get("/customers/{id}/domains", customer.id()).with(as("ADMIN_AGENT")))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString(customer.domain())));
        for (String role : List.of("HELPDESK_AGENT", "SALES_AGENT")) {
            mvc.perform(get("/customers/new").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/customers/{id}/domains", customer.id()).with(as(role))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aSalesAgentCannotAddACustomerOrChangeDomainsAndNothingChanges() throws Exception {
        long customersBefore = jdbc.queryForObject("select count(*) from customer", Long.class);
        String company = "Sales Attempt " + UUID.randomUUID();

        mvc.perform(post("/customers/new").param("companyName", company).param("domains", "sales-" + UUID.randomUUID()
                .toString().substring(0, 8) + ".example").with(csrf()).with(as("SALES_AGENT")))
            .andExpect(status().isForbidden());
        mvc.perform(post("/customers/{id}/domains", customer.id()).param("companyName", customer.name())
            .param("domains", "changed-by-sales.example").with(csrf()).with(as("SALES_AGENT")))
            .andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("select count(*) from customer where company_name = ?", Long.class, company))
            .isZero();
        assertThat(jdbc.queryForList("select domain from customer_domain where customer_id = ?", String.class,
                customer.id())).containsExactly(customer.domain());
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class))
            .isGreaterThanOrEqualTo(customersBefore);
    }

    private static RequestPostProcessor as(String role) {
        return user(role.toLowerCase().replace("_agent", "") + "-pages").roles(role);
    }
}
