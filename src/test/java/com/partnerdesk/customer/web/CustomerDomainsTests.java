package com.partnerdesk.customer.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
    void aDomainOfAnotherCustomerIsRefusedWhenEditingDomains() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer owner = data.customer("Domain Holder");
        TestCustomer customer = data.customer("Domain Taker");

        String page = mvc.perform(post("/customers/{id}/domains", customer.id()).param("companyName", customer.name())
            .param("domains", customer.domain() + "\n" + owner.domain().toUpperCase()).with(csrf()).with(admin()))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("invalid-feedback",
                "The domain " + owner.domain() + " is already verified for another customer.");
        assertThat(jdbc.queryForList("select domain from customer_domain where customer_id = ?", String.class,
                customer.id())).containsExactly(customer.domain());
    }

    /** Two admins add one new domain to two customers at the same moment: one gets it, the other the message. */
    @Test
    void twoCustomersTakingTheSameDomainAtOnceEndWithOneOwner() throws Exception {
        TestData data = new TestData(jdbc);
        List<TestCustomer> customers = List.of(data.customer("Race One"), data.customer("Race Two"));
        String contested = "contested-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        CyclicBarrier together = new CyclicBarrier(customers.size());
        ExecutorService admins = Executors.newFixedThreadPool(customers.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (TestCustomer customer : customers) {
                answers.add(admins.submit(() -> {
                    together.await();
                    return mvc.perform(post("/customers/{id}/domains", customer.id())
                        .param("companyName", customer.name())
                        .param("domains", customer.domain() + "\n" + contested).with(csrf()).with(admin()))
                        .andReturn().getResponse().getStatus();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).as("one redirect after saving, one form with the message").containsExactlyInAnyOrder(302, 200);
        }
        finally {
            admins.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from customer_domain where domain = ?", Long.class, contested))
            .isEqualTo(1);
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
