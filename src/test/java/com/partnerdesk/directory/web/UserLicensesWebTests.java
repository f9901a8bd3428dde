package com.partnerdesk.directory.web;

import java.util.List;
import java.util.UUID;

import com.partnerdesk.directory.internal.UserSelections;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Manage licenses" from a user's page, and the "Licenses updated" report. */
@SpringBootTest
@AutoConfigureMockMvc
class UserLicensesWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserSelections selections;

    @Test
    void theUsersPageOffersManageLicensesToAdminAgentsOnly() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Button");
        UUID ada = data.user(customer, "Ada L", "ada");
        String editor = "/customers/" + customer.id() + "/users/" + ada + "/licenses";

        mvc.perform(get("/customers/{c}/users/{u}", customer.id(), ada).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(containsString("href=\"" + editor + "\"")));
        mvc.perform(get("/customers/{c}/users/{u}", customer.id(), ada).with(user("help").roles("HELPDESK_AGENT")))
            .andExpect(content().string(not(containsString(editor))));
    }

    @Test
    void eachSubscriptionIsCheckedOrClearForTheUserAndLeftAsItIsByDefault() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("One User Editor");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID visio = data.subscription(customer.id(), "VISIOCLIENT", 3);
        UUID ada = data.user(customer, "Ada L", "ada");
        data.assign(customer.id(), e3, List.of(ada));

        String page = mvc.perform(get("/customers/{c}/users/{u}/licenses", customer.id(), ada)
            .with(user("admin").roles("ADMIN_AGENT"))).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();

        assertThat(fieldset(page, e3)).contains("data-holding=\"ALL\"", "Assigned to this user",
                "4 of 5 seats free");
        assertThat(fieldset(page, visio)).contains("data-holding=\"NONE\"", "Not assigned to this user",
                "3 of 3 seats free", "Needs 1 seat; 3 free.");
        assertThat(page).containsPattern("name=\"licenses\\[" + e3 + "\\]\" value=\"KEEP\"[^>]*checked")
            .contains("/assets/js/licenses-");
    }

    @Test
    void forSelectedUsersEachSubscriptionIsCheckedPartlyCheckedOrClear() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Tri State");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 10);
        UUID visio = data.subscription(customer.id(), "VISIOCLIENT", 10);
        UUID teams = data.subscription(customer.id(), "TEAMS_ESSENTIALS", 10);
        UUID ada = data.user(customer, "Ada L", "ada");
        UUID bo = data.user(customer, "Bo M", "bo");
        UUID cy = data.user(customer, "Cy N", "cy");
        data.assign(customer.id(), e3, List.of(ada, bo, cy));
        data.assign(customer.id(), visio, List.of(bo));
        UUID selection = selections.create(customer.id(), List.of(ada, bo, cy), "admin-tri");

        String page = mvc.perform(get("/customers/{c}/users/licenses", customer.id()).param("selection",
                selection.toString()).with(user("admin-tri").roles("ADMIN_AGENT"))).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("For 3 selected users", "name=\"selection\" value=\"" + selection + "\"");
        assertThat(fieldset(page, e3)).contains("data-holding=\"ALL\"", "3 of 3 selected users have it",
                "Frees 3 seats.");
        assertThat(fieldset(page, visio)).contains("data-holding=\"SOME\"", "1 of 3 selected users have it",
                "Needs 2 seats; 9 free.", "Leave as it is");
        assertThat(fieldset(page, teams)).contains("data-holding=\"NONE\"", "0 of 3 selected users have it",
                "Needs 3 seats; 10 free.");
    }

    @Test
    void aSaveForSelectedUsersLeavesPartialHoldingsAsTheyAre() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Selection Save");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 10);
        UUID visio = data.subscription(customer.id(), "VISIOCLIENT", 10);
        UUID ada = data.user(customer, "Ada L", "ada");
        UUID bo = data.user(customer, "Bo M", "bo");
        data.assign(customer.id(), visio, List.of(bo));
        UUID selection = selections.create(customer.id(), List.of(ada, bo), "admin-sel");

        MvcResult saved = mvc.perform(post("/customers/{c}/users/licenses", customer.id())
            .param("selection", selection.toString())
            .param("licenses[" + e3 + "]", "ASSIGN")
            .param("licenses[" + visio + "]", "KEEP")
            .with(user("admin-sel").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();

        assertThat(holdings(customer.id(), ada)).containsExactly("SPE_E3");
        assertThat(holdings(customer.id(), bo)).containsExactly("SPE_E3", "VISIOCLIENT");
        mvc.perform(get(saved.getResponse().getRedirectedUrl()).with(user("admin-sel").roles("ADMIN_AGENT")))
            .andExpect(content().string(containsString("2 users, saved by admin-sel")));
    }

    @Test
    void aSelectionOfAnotherStaffMemberOrCustomerIsNotFound() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Foreign Selection");
        TestCustomer other = data.customer("Other Selection");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 10);
        UUID ada = data.user(customer, "Ada L", "ada");
        UUID selection = selections.create(customer.id(), List.of(ada), "someone-else");

        mvc.perform(get("/customers/{c}/users/licenses", customer.id()).param("selection", selection.toString())
            .with(user("admin").roles("ADMIN_AGENT"))).andExpect(status().isNotFound());
        mvc.perform(post("/customers/{c}/users/licenses", other.id()).param("selection", selection.toString())
            .param("licenses[" + e3 + "]", "ASSIGN")
            .with(user("someone-else").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/customers/{c}/users/licenses", customer.id()).param("licenses[" + e3 + "]", "ASSIGN")
            .with(user("someone-else").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(status().isNotFound());
        assertThat(holdings(customer.id(), ada)).isEmpty();
    }

    @Test
    void oneSaveAssignsAndRemovesAndTheLicensesUpdatedPageListsTheChange() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("One User Save");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID visio = data.subscription(customer.id(), "VISIOCLIENT", 3);
        UUID ada = data.user(customer, "Ada Lovelace", "ada");
        data.assign(customer.id(), e3, List.of(ada));

        MvcResult saved = mvc.perform(post("/customers/{c}/users/{u}/licenses", customer.id(), ada)
            .param("licenses[" + e3 + "]", "REMOVE")
            .param("licenses[" + visio + "]", "ASSIGN")
            .with(user("admin-one").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(redirectedUrlPattern("/customers/" + customer.id() + "/license-changes/*"))
            .andReturn();

        assertThat(holdings(customer.id(), ada)).containsExactly("VISIOCLIENT");
        assertThat(seatsAssigned(e3)).isZero();
        assertThat(seatsAssigned(visio)).isEqualTo(1);
        mvc.perform(get(saved.getResponse().getRedirectedUrl()).with(user("help").roles("HELPDESK_AGENT")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Licenses updated"), containsString("Ada Lovelace"),
                    matchesPattern("(?s).*text-bg-success[^>]*>Visio Plan 2<.*"),
                    matchesPattern("(?s).*text-bg-light border[^>]*>Microsoft 365 E3<.*"),
                    containsString("1 user, saved by admin-one"))));
        assertThat(jdbc.queryForList("select actor || ' ' || target || ' ' || details from audit_entry "
                + "where customer_id = ? and action = 'licenses.changed'", String.class, customer.id()))
            .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
            .startsWith("admin-one 1 user change=")
            .contains("Microsoft 365 E3: +0 -1", "Visio Plan 2: +1 -0", "users=" + ada);
    }

    @Test
    void afterASaveTheListFiltersByHasLacksAndNoLicense() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Filters After Save");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID visio = data.subscription(customer.id(), "VISIOCLIENT", 5);
        UUID ada = data.user(customer, "Ada Assigned", "ada");
        UUID bo = data.user(customer, "Bo Visio", "bo");
        data.user(customer, "Cy Nothing", "cy");
        data.assign(customer.id(), visio, List.of(bo));
        mvc.perform(post("/customers/{c}/users/{u}/licenses", customer.id(), ada)
            .param("licenses[" + e3 + "]", "ASSIGN")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(status().is3xxRedirection());

        mvc.perform(get("/customers/{c}/users", customer.id()).param("hasLicense", e3.toString())
            .with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(allOf(containsString("Ada Assigned"), not(containsString("Bo Visio")),
                    not(containsString("Cy Nothing")))));
        mvc.perform(get("/customers/{c}/users", customer.id()).param("lacksLicense", e3.toString())
            .with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(allOf(not(containsString("Ada Assigned")), containsString("Bo Visio"),
                    containsString("Cy Nothing"))));
        mvc.perform(get("/customers/{c}/users", customer.id()).param("unlicensed", "true")
            .with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(allOf(not(containsString("Ada Assigned")), not(containsString("Bo Visio")),
                    containsString("Cy Nothing"))));
    }

    @Test
    void notEnoughSeatsRefusesTheWholeSaveWithTheReason() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Too Few Seats");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID visio = data.subscription(customer.id(), "VISIOCLIENT", 1);
        UUID ada = data.user(customer, "Ada L", "ada");
        data.assign(customer.id(), e3, List.of(ada));
        data.assign(customer.id(), visio, List.of(data.user(customer, "Bo M", "bo")));

        mvc.perform(get("/customers/{c}/users/{u}/licenses", customer.id(), ada)
            .with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(allOf(containsString("data-over=\"true\""),
                    containsString("Visio Plan 2: 1 seat needed, 0 available."),
                    containsString("Save is unavailable"))));
        mvc.perform(post("/customers/{c}/users/{u}/licenses", customer.id(), ada)
            .param("licenses[" + e3 + "]", "REMOVE")
            .param("licenses[" + visio + "]", "ASSIGN")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(
                    containsString("Visio Plan 2: 1 seat needed, 0 available. Nothing was changed."),
                    matchesPattern("(?s).*name=\"licenses\\[" + e3 + "\\]\" value=\"REMOVE\"[^>]*checked.*"))));

        assertThat(holdings(customer.id(), ada)).containsExactly("SPE_E3");
        assertThat(seatsAssigned(e3)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where customer_id = ? "
                + "and action = 'licenses.changed' and outcome = 'FAILURE'", Integer.class, customer.id())).isEqualTo(1);
    }

    @Test
    void aUserWithoutUsageLocationIsNamedAndGetsNoLicense() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("No Location");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID ada = data.user(customer, "Ada Nowhere", "ada");
        jdbc.update("update customer_user set usage_location = null where id = ?", ada);

        mvc.perform(get("/customers/{c}/users/{u}/licenses", customer.id(), ada)
            .with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(allOf(containsString("1 selected user has no usage location"),
                    containsString("Microsoft requires a usage location before any license"),
                    containsString("Needs 0 seats"))));
        MvcResult saved = mvc.perform(post("/customers/{c}/users/{u}/licenses", customer.id(), ada)
            .param("licenses[" + e3 + "]", "ASSIGN")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();

        assertThat(holdings(customer.id(), ada)).isEmpty();
        mvc.perform(get(saved.getResponse().getRedirectedUrl()).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(containsString("Not assigned: no usage location")));
    }

    @Test
    void nothingChosenIsSaidRatherThanSaved() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Nothing Chosen");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID ada = data.user(customer, "Ada L", "ada");

        mvc.perform(post("/customers/{c}/users/{u}/licenses", customer.id(), ada)
            .param("licenses[" + e3 + "]", "KEEP")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Nothing to save")));
    }

    @Test
    void onlyAnAdminAgentManagesLicenses() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Roles Licenses");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID ada = data.user(customer, "Ada L", "ada");

        for (String role : List.of("HELPDESK_AGENT", "SALES_AGENT")) {
            mvc.perform(get("/customers/{c}/users/{u}/licenses", customer.id(), ada).with(user("x").roles(role)))
                .andExpect(status().isForbidden());
            mvc.perform(post("/customers/{c}/users/{u}/licenses", customer.id(), ada)
                .param("licenses[" + e3 + "]", "ASSIGN")
                .with(user("x").roles(role))
                .with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(holdings(customer.id(), ada)).isEmpty();
    }

    @Test
    void aSaveWithoutCsrfTokenIsRefused() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Csrf Licenses");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID ada = data.user(customer, "Ada L", "ada");

        mvc.perform(post("/customers/{c}/users/{u}/licenses", customer.id(), ada)
            .param("licenses[" + e3 + "]", "ASSIGN")
            .with(user("admin").roles("ADMIN_AGENT"))).andExpect(status().isForbidden());
        assertThat(holdings(customer.id(), ada)).isEmpty();
    }

    @Test
    void aSubscriptionOfAnotherCustomerInTheFormIsRefusedAndNothingChanges() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer ours = data.customer("Ours Licenses");
        TestCustomer theirs = data.customer("Theirs Licenses");
        UUID ourE3 = data.subscription(ours.id(), "SPE_E3", 5);
        UUID theirVisio = data.subscription(theirs.id(), "VISIOCLIENT", 5);
        UUID ada = data.user(ours, "Ada L", "ada");

        mvc.perform(post("/customers/{c}/users/{u}/licenses", ours.id(), ada)
            .param("licenses[" + ourE3 + "]", "ASSIGN")
            .param("licenses[" + theirVisio + "]", "ASSIGN")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(status().isNotFound());

        assertThat(holdings(ours.id(), ada)).isEmpty();
        assertThat(seatsAssigned(ourE3)).isZero();
        assertThat(seatsAssigned(theirVisio)).isZero();
    }

    @Test
    void aUserOrAReportOfAnotherCustomerIsNotFound() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer ours = data.customer("Ours Users");
        TestCustomer theirs = data.customer("Theirs Users");
        UUID ourE3 = data.subscription(ours.id(), "SPE_E3", 5);
        UUID theirUser = data.user(theirs, "Their User", "them");
        UUID theirE3 = data.subscription(theirs.id(), "SPE_E3", 5);
        UUID theirAda = data.user(theirs, "Their Ada", "ada");

        mvc.perform(post("/customers/{c}/users/{u}/licenses", ours.id(), theirUser)
            .param("licenses[" + ourE3 + "]", "ASSIGN")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(status().isNotFound());
        String theirReport = mvc.perform(post("/customers/{c}/users/{u}/licenses", theirs.id(), theirAda)
            .param("licenses[" + theirE3 + "]", "ASSIGN")
            .with(user("admin").roles("ADMIN_AGENT"))
            .with(csrf())).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(theirReport.replace(theirs.id().toString(), ours.id().toString()))
            .with(user("admin").roles("ADMIN_AGENT"))).andExpect(status().isNotFound());
        assertThat(holdings(ours.id(), theirUser)).isEmpty();
    }

    private static String fieldset(String page, UUID subscriptionId) {
        int label = page.indexOf("data-label-id=\"product-" + subscriptionId + "\"");
        int start = page.lastIndexOf("<fieldset", label);
        return page.substring(start, page.indexOf("</fieldset>", label));
    }

    private List<String> holdings(UUID customerId, UUID userId) {
        return jdbc.queryForList("""
                select s.product_sku from license_assignment a
                join subscription s on s.customer_id = a.customer_id and s.id = a.subscription_id
                where a.customer_id = ? and a.user_id = ? order by 1
                """, String.class, customerId, userId);
    }

    private int seatsAssigned(UUID subscriptionId) {
        return jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class,
                subscriptionId);
    }
}
