package com.partnerdesk.customer.web;

import java.util.UUID;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An Admin agent adds customers and edits their domains; the form says what is wrong next to the field. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerDomainsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInvalidDomainIsExplainedOnTheDomainsField() throws Exception {
        String page = mvc.perform(post("/customers/new").param("companyName", "Invalid Domain Ltd")
            .param("domains", "not a domain!").with(csrf()).with(admin()))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("is-invalid", "Enter domain names such as contoso.example, one per line.");
        assertThat(jdbc.queryForObject("select count(*) from customer where company_name = 'Invalid Domain Ltd'",
                Long.class)).isZero();
    }

    @Test
    void aDomainOfAnotherCustomerIsRefusedOnTheDomainsField() throws Exception {
        TestCustomer existing = new TestData(jdbc).customer("Domain Owner");
        String company = "Copycat " + UUID.randomUUID();

        String page = mvc.perform(post("/customers/new").param("companyName", company)
            .param("domains", existing.domain().toUpperCase()).with(csrf()).with(admin()))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("invalid-feedback",
                "The domain " + existing.domain() + " is already verified for another customer.");
        assertThat(jdbc.queryForObject("select count(*) from customer where company_name = ?", Long.class, company))
            .isZero();
    }

    @Test
    void refusesToRemoveADomainThatActiveUsersStillUse() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Domain In Use");
        data.user(customer, "Ana Uno", "ana");
        data.user(customer, "Ben Dos", "ben");
        UUID gone = data.user(customer, "Cai Tres", "cai");
        jdbc.update("update customer_user set deleted_at = now(), deleted_by = 'admin' where customer_id = ? and id = ?", customer.id(), gone);

        String page = mvc.perform(post("/customers/{id}/domains", customer.id()).param("companyName", customer.name())
            .param("domains", "replacement-" + UUID.randomUUID().toString().substring(0, 8) + ".example")
            .with(csrf()).with(admin()))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The domain " + customer.domain() + " is still used by 2 active users.");
        assertThat(jdbc.queryForList("select domain from customer_domain where customer_id = ?", String.class,
                customer.id())).containsExactly(customer.domain());
    }

    @Test
    void addsADomainAndRemovesOneNoActiveUserUses() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Domain Swap");
        String added = "added-" + UUID.randomUUID().toString().substring(0, 8) + ".example";

        mvc.perform(post("/customers/{id}/domains", customer.id()).param("companyName", customer.name())
            .param("domains", added).with(csrf()).with(admin()))
            .andExpect(redirectedUrl("/customers/" + customer.id() + "/users"));

        assertThat(jdbc.queryForList("select domain from customer_domain where customer_id = ?", String.class,
                customer.id())).containsExactly(added);
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where customer_id = ? and action = 'customer.domains-changed'",
                Long.class, customer.id())).isEqualTo(1);
    }

    private static RequestPostProcessor admin() {
        return user("admin-domains").roles("ADMIN_AGENT");
    }
}
