package com.partnerdesk.directory.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.UserSelections;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
class DeletedUsersWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserSelections selections;

    @Autowired
    Customers customers;

    TestData data;

    TestCustomer customer;

    UUID e3;

    UUID ada;

    @BeforeEach
    void customerWithALicensedUser() {
        data = new TestData(jdbc);
        customer = data.customer("Web Litware");
        e3 = data.subscription(customer.id(), "SPE_E3", 2);
        ada = data.user(customer, "Ada Lovelace", "ada");
        data.assign(customer.id(), e3, List.of(ada));
    }

    @Test
    void anAdminAgentDeletesAUserAfterAConfirmationThatNamesThem() throws Exception {
        mvc.perform(get(userPage(ada) + "/delete").with(user("admin-a").roles("ADMIN_AGENT")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Ada Lovelace"), containsString("ada@" + customer.domain()),
                    containsString("Microsoft 365 E3"), not(containsString("confirmLastGlobalAdmin")))));

        mvc.perform(post(userPage(ada) + "/delete").with(csrf()).with(user("admin-a").roles("ADMIN_AGENT")))
            .andExpect(redirectedUrl("/customers/" + customer.id() + "/users"))
            .andExpect(flash().attribute("noticeKey", "delete.done.one"));

        assertThat(jdbc.queryForObject("select deleted_by from customer_user where id = ?", String.class, ada))
            .isEqualTo("admin-a");
        mvc.perform(get("/customers/" + customer.id() + "/users").with(user("sales").roles("SALES_AGENT")))
            .andExpect(content().string(allOf(not(containsString("Ada Lovelace")), containsString("Deleted users (1)"))));
        mvc.perform(get(tab()).with(user("sales").roles("SALES_AGENT")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Ada Lovelace"), containsString("admin-a"),
                    containsString("Microsoft 365 E3"), containsString("30 days"),
                    not(containsString("Restore selected users")), not(containsString("name=\"userId\"")))));
    }

    @Test
    void severalSelectedUsersAreDeletedTogetherAfterOneConfirmation() throws Exception {
        UUID grace = data.user(customer, "Grace Hopper", "grace");
        UUID theirs = data.user(data.customer("Other Proseware"), "Their User", "them");
        UUID selection = selections.create(customer.id(), List.of(ada, grace), "admin-s");

        mvc.perform(get("/customers/" + customer.id() + "/users/delete").param("selection", selection.toString())
            .with(user("admin-s").roles("ADMIN_AGENT")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("These 2 user accounts will be deleted"),
                    containsString("Ada Lovelace"), containsString("Grace Hopper"),
                    containsString("name=\"selection\" value=\"" + selection + "\""))));
        mvc.perform(get("/customers/" + customer.id() + "/users/delete").param("selection", selection.toString())
            .with(user("someone-else").roles("ADMIN_AGENT"))).andExpect(status().isNotFound());
        mvc.perform(post("/customers/" + customer.id() + "/users/delete").param("selection", selection.toString())
            .param("userId", theirs.toString()).with(csrf()).with(user("admin-s").roles("HELPDESK_AGENT")))
            .andExpect(status().isForbidden());

        mvc.perform(post("/customers/" + customer.id() + "/users/delete").param("selection", selection.toString())
            .param("userId", theirs.toString()).with(csrf()).with(user("admin-s").roles("ADMIN_AGENT")))
            .andExpect(redirectedUrl("/customers/" + customer.id() + "/users"))
            .andExpect(flash().attribute("noticeKey", "delete.done.many"));

        assertThat(isDeleted(ada)).isTrue();
        assertThat(isDeleted(grace)).isTrue();
        assertThat(isDeleted(theirs)).isFalse();
    }

    @Test
    void onlyAnAdminAgentDeletesOrRestores() throws Exception {
        for (String role : List.of("HELPDESK_AGENT", "SALES_AGENT")) {
            mvc.perform(get(userPage(ada)).with(user("x").roles(role)))
                .andExpect(content().string(not(containsString("Delete user account"))));
            mvc.perform(get(userPage(ada) + "/delete").with(user("x").roles(role))).andExpect(status().isForbidden());
            mvc.perform(post(userPage(ada) + "/delete").with(csrf()).with(user("x").roles(role)))
                .andExpect(status().isForbidden());
        }
        mvc.perform(get(userPage(ada)).with(user("x").roles("ADMIN_AGENT")))
            .andExpect(content().string(containsString("Delete user account")));
        deleteAsAdmin(ada);
        for (String role : List.of("HELPDESK_AGENT", "SALES_AGENT")) {
            mvc.perform(post(tab() + "/restore").param("userId", ada.toString()).with(csrf()).with(user("x").roles(role)))
                .andExpect(status().isForbidden());
            mvc.perform(get(tab()).with(user("x").roles(role))).andExpect(status().isOk());
        }
        assertThat(isDeleted(ada)).isTrue();
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post(userPage(ada) + "/delete").with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(status().isForbidden());
        deleteAsAdmin(ada);
        mvc.perform(post(tab() + "/restore").param("userId", ada.toString()).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(status().isForbidden());
        assertThat(isDeleted(ada)).isTrue();
    }

    @Test
    void restoringAnotherCustomersDeletedUserIsRefused() throws Exception {
        TestCustomer other = data.customer("Other Wingtip");
        UUID theirs = data.user(other, "Their User", "them");
        jdbc.update("update customer_user set deleted_at = now(), deleted_by = 'admin' where id = ?", theirs);
        deleteAsAdmin(ada);

        mvc.perform(post(tab() + "/restore").param("userId", theirs.toString()).with(csrf())
            .with(user("admin").roles("ADMIN_AGENT"))).andExpect(status().isNotFound());
        mvc.perform(post(tab() + "/restore").param("userId", ada.toString()).param("userId", theirs.toString())
            .with(csrf()).with(user("admin").roles("ADMIN_AGENT"))).andExpect(status().isNotFound());
        mvc.perform(post("/customers/" + customer.id() + "/deleted-users/" + theirs + "/restore-as")
            .param("localPart", "them").param("domain", customer.domain()).with(csrf())
            .with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(status().isNotFound());
        mvc.perform(post("/customers/" + customer.id() + "/users/" + data.user(other, "Active", "active") + "/delete")
            .with(csrf()).with(user("admin").roles("ADMIN_AGENT"))).andExpect(status().isNotFound());

        assertThat(isDeleted(theirs)).isTrue();
        assertThat(isDeleted(ada)).isTrue();
    }

    @Test
    void restoreShowsWhatCameBackOnTheResultPage() throws Exception {
        deleteAsAdmin(ada);
        MvcResult restored = mvc.perform(post(tab() + "/restore").param("userId", ada.toString()).with(csrf())
            .with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(redirectedUrl(tab() + "/restored"))
            .andReturn();

        mvc.perform(get(tab() + "/restored").cookie(sessionOf(restored)).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Ada Lovelace (ada@" + customer.domain() + ") was restored."),
                    containsString("Licenses restored: Microsoft 365 E3."),
                    containsString("/customers/" + customer.id() + "/handoffs/"))));
        assertThat(restored.getResponse().getHeaders("Set-Cookie"))
            .anySatisfy(cookie -> assertThat(cookie).startsWith("PD-HANDOFF-").contains("HttpOnly")
                .contains("SameSite=Strict").contains("Path=/customers/" + customer.id() + "/handoffs/"));
        mvc.perform(get(tab() + "/restored").with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(redirectedUrl(tab()));
        assertThat(isDeleted(ada)).isFalse();
    }

    @Test
    void aTakenUsernameIsOfferedANewOneOnTheSameScreen() throws Exception {
        deleteAsAdmin(ada);
        // Dropping the domain releases the deleted user's username; verified again, the domain lets a newcomer have it.
        customers.changeDomains(customer.id(), List.of("spare-" + customer.domain()));
        customers.changeDomains(customer.id(), List.of(customer.domain(), "spare-" + customer.domain()));
        data.user(customer, "Ada Newcomer", "ada");
        MvcResult restored = mvc.perform(post(tab() + "/restore").param("only", ada.toString()).with(csrf())
            .with(user("admin").roles("ADMIN_AGENT"))).andReturn();

        mvc.perform(get(tab() + "/restored").cookie(sessionOf(restored)).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(allOf(containsString("an active user now has the username"),
                    containsString("/deleted-users/" + ada + "/restore-as"), containsString("New username for Ada Lovelace"))));

        mvc.perform(post(tab() + "/" + ada + "/restore-as").param("localPart", "ada").param("domain", "nowhere.example")
            .with(csrf())
            .with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("nowhere.example is not one of this customer")));
        assertThat(isDeleted(ada)).isTrue();

        mvc.perform(post(tab() + "/" + ada + "/restore-as").param("localPart", "ada.l").param("domain", customer.domain())
            .with(csrf())
            .with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(redirectedUrl(tab() + "/restored"));
        assertThat(isDeleted(ada)).isFalse();
    }

    @Test
    void aUsernameTakenInAnotherDirectoryIsNotRestoredAndRestoreAsIsOffered() throws Exception {
        deleteAsAdmin(ada);
        // The domain went to another customer, which gave the name to someone, and came back while that user stayed
        // active there: what a creation racing the domain's removal leaves behind.
        TestCustomer other = data.customer("Elsewhere Wingtip");
        customers.changeDomains(customer.id(), List.of("spare-" + customer.domain()));
        moveDomain(customer.domain(), other.id());
        data.user(new TestCustomer(other.id(), other.name(), customer.domain()), "Ada Elsewhere", "ada");
        moveDomain(customer.domain(), customer.id());

        MvcResult restored = mvc.perform(post(tab() + "/restore").param("only", ada.toString()).with(csrf())
            .with(user("admin").roles("ADMIN_AGENT"))).andReturn();
        assertThat(isDeleted(ada)).isTrue();
        mvc.perform(get(tab() + "/restored").cookie(sessionOf(restored)).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(allOf(containsString("is taken in another directory"),
                    not(containsString(other.name())), containsString("/deleted-users/" + ada + "/restore-as"),
                    containsString("name=\"localPart\""), containsString("name=\"domain\""))));

        mvc.perform(post(tab() + "/" + ada + "/restore-as").param("localPart", "ADA").param("domain", customer.domain())
            .locale(new java.util.Locale("es")).with(csrf()).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("está en uso en otro directorio"),
                    not(containsString(other.name())))));
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry
                where customer_id = ? and action = 'user.restored' and outcome = 'FAILURE'
                """, Integer.class, customer.id())).as("both refused attempts are on the Activity tab").isEqualTo(2);
        mvc.perform(post(tab() + "/" + ada + "/restore-as").param("localPart", "ada.lovelace")
            .param("domain", customer.domain()).with(csrf()).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(redirectedUrl(tab() + "/restored"));
        assertThat(jdbc.queryForObject("select username from customer_user where id = ? and deleted_at is null",
                String.class, ada)).isEqualTo("ada.lovelace@" + customer.domain());
        assertThat(jdbc.queryForObject("select count(*) from customer_user where lower(username) = ? and deleted_at is null",
                Integer.class, "ada@" + customer.domain())).isEqualTo(1);
    }

    @Test
    void afterItsDomainIsDroppedADeletedUserIsRestoredOnlyAsANewUsernameInAVerifiedDomain() throws Exception {
        deleteAsAdmin(ada);
        String kept = "kept-" + customer.domain();
        customers.changeDomains(customer.id(), List.of(kept));

        MvcResult restored = mvc.perform(post(tab() + "/restore").param("only", ada.toString()).with(csrf())
            .with(user("admin").roles("ADMIN_AGENT"))).andReturn();
        assertThat(isDeleted(ada)).isTrue();
        mvc.perform(get(tab() + "/restored").cookie(sessionOf(restored)).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(allOf(containsString("the customer no longer verifies the domain of ada@"
                    + customer.domain()), containsString("<option value=\"" + kept + "\">"))));
        mvc.perform(get(tab() + "/" + ada + "/restore-as").with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(allOf(containsString("value=\"ada\""),
                    containsString("<option value=\"" + kept + "\" selected=\"selected\">"))));

        // The dropped domain no longer holds the name: the customer that verifies it next may give it to someone.
        TestCustomer next = data.customer("Next Wingtip");
        moveDomain(customer.domain(), next.id());
        data.user(new TestCustomer(next.id(), next.name(), customer.domain()), "Ada Next", "ada");

        mvc.perform(post(tab() + "/" + ada + "/restore-as").param("localPart", "ada").param("domain", kept)
            .with(csrf()).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(redirectedUrl(tab() + "/restored"));
        assertThat(jdbc.queryForObject("select username from customer_user where id = ? and deleted_at is null",
                String.class, ada)).isEqualTo("ada@" + kept);
        assertThat(jdbc.queryForObject("select count(*) from license_assignment where user_id = ?", Integer.class, ada))
            .isEqualTo(1);
    }

    @Test
    void deletingTheLastGlobalAdminAsksForASecondConfirmation() throws Exception {
        UUID admin = data.user(customer, "Only Admin", "only", "GLOBAL_ADMIN");
        mvc.perform(get(userPage(admin) + "/delete").with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(content().string(containsString("no Global admin left")));

        mvc.perform(post(userPage(admin) + "/delete").with(csrf()).with(user("admin").roles("ADMIN_AGENT")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Tick the box to confirm")));
        assertThat(isDeleted(admin)).isFalse();

        mvc.perform(post(userPage(admin) + "/delete").param("confirmLastGlobalAdmin", "true").with(csrf())
            .with(user("admin").roles("ADMIN_AGENT"))).andExpect(status().is3xxRedirection());
        assertThat(isDeleted(admin)).isTrue();
    }

    @Test
    void theTabIsSearchableAndTheDashboardWarnsAboutWindowsEndingSoon() throws Exception {
        UUID grace = data.user(customer, "Grace Hopper", "grace");
        deleteAsAdmin(ada);
        deleteAsAdmin(grace);
        jdbc.update("update customer_user set deleted_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(25))), grace);

        mvc.perform(get(tab()).param("q", "grace").with(user("x").roles("HELPDESK_AGENT")))
            .andExpect(content().string(allOf(containsString("Grace Hopper"), containsString("5 days"),
                    not(containsString("Ada Lovelace")))));
        mvc.perform(get("/").with(user("x").roles("SALES_AGENT")))
            .andExpect(content().string(allOf(containsString(customer.name()),
                    containsString("/customers/" + customer.id() + "/deleted-users"))));
    }

    private void deleteAsAdmin(UUID userId) throws Exception {
        mvc.perform(post(userPage(userId) + "/delete").with(csrf()).with(user("admin").roles("ADMIN_AGENT"))
            .session(new MockHttpSession())).andExpect(status().is3xxRedirection());
    }

    /** The flash attributes live in the session, which lives in the database: follow the redirect with its cookie. */
    private static Cookie sessionOf(MvcResult result) {
        return java.util.Arrays.stream(result.getResponse().getCookies())
            .filter(cookie -> !cookie.getName().startsWith("PD-HANDOFF-"))
            .findFirst()
            .orElseThrow();
    }

    /** Moves a verified domain to a customer directly, as the end state of a domain changing hands. */
    private void moveDomain(String domain, UUID to) {
        jdbc.update("delete from customer_domain where domain = ?", domain);
        jdbc.update("""
                insert into customer_domain (customer_id, domain, position)
                select ?, ?, coalesce(max(position) + 1, 0) from customer_domain where customer_id = ?
                """, to, domain, to);
    }

    private boolean isDeleted(UUID userId) {
        return jdbc.queryForObject("select deleted_at is not null from customer_user where id = ?", Boolean.class, userId);
    }

    private String userPage(UUID userId) {
        return "/customers/" + customer.id() + "/users/" + userId;
    }

    private String tab() {
        return "/customers/" + customer.id() + "/deleted-users";
    }
}
