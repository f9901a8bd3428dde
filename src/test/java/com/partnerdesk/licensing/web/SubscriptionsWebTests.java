package com.partnerdesk.licensing.web;

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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SubscriptionsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void showsSeatsAndLinksAssignedToTheHoldersOfTheLicense() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Seats Shown");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 25);
        data.assign(customer.id(), e3, List.of(data.user(customer, "Ada L", "ada"), data.user(customer, "Bo M", "bo")));

        mvc.perform(get("/customers/{c}/subscriptions", customer.id()).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Microsoft 365 E3"), containsString("SPE_E3"),
                    containsString("data-seats-total>25<"), containsString("data-seats-available>23<"),
                    containsString("/customers/" + customer.id() + "/users?hasLicense=" + e3),
                    containsString("Add subscription"), containsString("Change seat count"))));
    }

    @Test
    void helpdeskAndSalesAgentsSeeTheTabReadOnly() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Read Only");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);

        for (String role : List.of("HELPDESK_AGENT", "SALES_AGENT")) {
            mvc.perform(get("/customers/{c}/subscriptions", customer.id()).with(user("agent").roles(role)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Microsoft 365 E3"),
                        containsString("Only Admin agents can add subscriptions"), not(containsString("<form action=\"/customers/" + customer.id() + "/subscriptions")))));
            mvc.perform(post("/customers/{c}/subscriptions/{s}/seats", customer.id(), e3).param("seatsTotal", "50")
                .with(user("agent").roles(role))
                .with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/customers/{c}/subscriptions", customer.id()).param("sku", "VISIOCLIENT")
                .param("seats", "5")
                .with(user("agent").roles(role))
                .with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(seatsTotal(e3)).isEqualTo(5);
        assertThat(subscriptionCount(customer.id())).isEqualTo(1);
    }

    @Test
    void anAdminAgentAddsASubscriptionAndItIsAudited() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Adding");

        mvc.perform(post("/customers/{c}/subscriptions", customer.id()).param("sku", "VISIOCLIENT")
            .param("seats", "12")
            .with(user("admin-adding").roles("ADMIN_AGENT"))
            .with(csrf()))
            .andExpect(redirectedUrl("/customers/" + customer.id() + "/subscriptions"))
            .andExpect(flash().attribute("noticeKey", "subscriptions.added"));

        assertThat(jdbc.queryForObject(
                "select seats_total from subscription where customer_id = ? and product_sku = 'VISIOCLIENT'",
                Integer.class, customer.id())).isEqualTo(12);
        assertThat(audit(customer.id(), "subscription.added")).containsExactly("admin-adding Visio Plan 2 sku=VISIOCLIENT; seats=12");
    }

    @Test
    void aProductAlreadySubscribedOrASeatCountOutOfRangeIsRefusedOnTheForm() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Refused Add");
        data.subscription(customer.id(), "SPE_E3", 5);

        mvc.perform(post("/customers/{c}/subscriptions", customer.id()).param("sku", "SPE_E3")
            .param("seats", "5")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose a product from the list.")));
        mvc.perform(post("/customers/{c}/subscriptions", customer.id()).param("sku", "VISIOCLIENT")
            .param("seats", "0")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Enter a whole number of seats from 1 to 1,000,000.")));
        assertThat(subscriptionCount(customer.id())).isEqualTo(1);
    }

    @Test
    void seatsCanBeAddedAndReducedButNeverBelowTheAssignedSeats() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Seat Count");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        data.assign(customer.id(), e3, List.of(data.user(customer, "Ada L", "ada"), data.user(customer, "Bo M", "bo"),
                data.user(customer, "Cy N", "cy")));

        mvc.perform(post("/customers/{c}/subscriptions/{s}/seats", customer.id(), e3).param("seatsTotal", "2")
            .with(user("admin-seats").roles("ADMIN_AGENT"))
            .with(csrf()))
            .andExpect(redirectedUrl("/customers/" + customer.id() + "/subscriptions"))
            .andExpect(flash().attribute("noticeKey", "subscriptions.seats.belowAssigned"))
            .andExpect(flash().attribute("noticeArguments", new Object[] { "Microsoft 365 E3", 2, 3 }));
        assertThat(seatsTotal(e3)).isEqualTo(5);

        mvc.perform(post("/customers/{c}/subscriptions/{s}/seats", customer.id(), e3).param("seatsTotal", "3")
            .with(user("admin-seats").roles("ADMIN_AGENT"))
            .with(csrf()))
            .andExpect(flash().attribute("noticeKey", "subscriptions.seats.changed"));
        assertThat(seatsTotal(e3)).isEqualTo(3);
        assertThat(audit(customer.id(), "subscription.seats-changed"))
            .containsExactly("admin-seats Microsoft 365 E3 seats=5->3");
    }

    @Test
    void theBelowAssignedMessageReadsClearlyInBothLanguages() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Message");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        data.assign(customer.id(), e3, List.of(data.user(customer, "Ada L", "ada")));

        var flash = mvc.perform(post("/customers/{c}/subscriptions/{s}/seats", customer.id(), e3)
            .param("seatsTotal", "0")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf())).andReturn().getFlashMap();
        Object[] arguments = (Object[]) flash.get("noticeArguments");

        assertThat(messages.getMessage((String) flash.get("noticeKey"), arguments, java.util.Locale.ENGLISH))
            .isEqualTo("Microsoft 365 E3 cannot go down to 0 seats: 1 seat is assigned to users. "
                    + "Remove licenses first, or choose at least 1.");
        assertThat(messages.getMessage((String) flash.get("noticeKey"), arguments, java.util.Locale.forLanguageTag("es")))
            .isEqualTo("Microsoft 365 E3 no puede bajar a 0 puestos: hay 1 puesto asignado a usuarios. "
                    + "Quite licencias primero o elija al menos 1.");
    }

    @Test
    void anotherCustomersSubscriptionIsNotFoundAndUnchanged() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer ours = data.customer("Ours Subs");
        TestCustomer theirs = data.customer("Theirs Subs");
        UUID theirE3 = data.subscription(theirs.id(), "SPE_E3", 5);

        mvc.perform(post("/customers/{c}/subscriptions/{s}/seats", ours.id(), theirE3).param("seatsTotal", "50")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(status().isNotFound());
        assertThat(seatsTotal(theirE3)).isEqualTo(5);
    }

    @Test
    void changesNeedACsrfToken() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Csrf Subs");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);

        mvc.perform(post("/customers/{c}/subscriptions/{s}/seats", customer.id(), e3).param("seatsTotal", "50")
            .with(user("admin").roles("ADMIN_AGENT"))).andExpect(status().isForbidden());
        assertThat(seatsTotal(e3)).isEqualTo(5);
    }

    private int seatsTotal(UUID subscriptionId) {
        return jdbc.queryForObject("select seats_total from subscription where id = ?", Integer.class, subscriptionId);
    }

    private int subscriptionCount(UUID customerId) {
        return jdbc.queryForObject("select count(*) from subscription where customer_id = ?", Integer.class,
                customerId);
    }

    private List<String> audit(UUID customerId, String action) {
        return jdbc.queryForList("""
                select actor || ' ' || target || ' ' || details from audit_entry
                where customer_id = ? and action = ? order by id
                """, String.class, customerId, action);
    }
}
