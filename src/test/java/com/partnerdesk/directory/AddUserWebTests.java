package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.security.StaffRole;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Add user form over HTTP: saving, runs, every validation message in both languages, roles and tampering. */
@SpringBootTest
@AutoConfigureMockMvc
class AddUserWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    TestData data;

    TestCustomer customer;

    SignedInStaff admin;

    @BeforeEach
    void setUp() {
        data = new TestData(jdbc);
        customer = data.customer("Add User Contoso");
        admin = staff("ADMIN_AGENT");
    }

    @Test
    void saveCreatesTheUserWithLicensesAndHandsTheKeyToThisPageOnly() throws Exception {
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 2);
        MvcResult result = mvc.perform(addUser(admin, "Ada", "Lovelace", "Ada Lovelace", "ada")
            .param("usageLocation", "GB").param("adminRoles", "USER_ADMIN").param("subscriptionIds", e3.toString())
            .param("action", "save"))
            .andExpect(status().is3xxRedirection()).andReturn();

        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/customers/" + customer.id() + "/handoffs/");
        String setCookie = result.getResponse().getHeaders("Set-Cookie").stream()
            .filter(c -> c.startsWith("PD-HANDOFF-") && c.contains("Path=" + location)).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict");
        assertThat(jdbc.queryForObject("""
                select count(*) from customer_user u join license_assignment a on a.user_id = u.id
                where u.customer_id = ? and u.username = ? and u.password_temporary and u.admin_roles = '{USER_ADMIN}'
                  and u.usage_location = 'GB' and u.password_hash like '{tmp-sha256}%'
                """, Integer.class, customer.id(), "ada@" + customer.domain())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, e3))
            .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where customer_id = ? and action = 'user.created' and target = ?",
                Integer.class, customer.id(), "ada@" + customer.domain())).isEqualTo(1);

        String page = mvc.perform(get(location).with(user(admin)).cookie(keyCookie(result)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ada Lovelace", "ada@" + customer.domain(), "credential-password");
    }

    @Test
    void theConfirmationPageDownloadsEveryPasswordAsASafeCsvButOnlyWithItsKey() throws Exception {
        MvcResult saved = mvc.perform(addUser(admin, "Eve", "Formula", "Eve Formula", "eve").param("action", "save"))
            .andExpect(status().is3xxRedirection()).andReturn();
        String page = saved.getResponse().getRedirectedUrl();
        mvc.perform(get(page).with(user(admin)).cookie(keyCookie(saved))).andExpect(status().isOk());

        MvcResult download = mvc.perform(get(page + "/download").with(user(admin)).cookie(keyCookie(saved)))
            .andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentType()).startsWith("text/csv");
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(download.getResponse().getHeader("Cache-Control")).contains("no-store");
        byte[] csv = download.getResponse().getContentAsByteArray();
        assertThat(new byte[] { csv[0], csv[1], csv[2] }).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("\"Display name\",\"Username\",\"Temporary password\"",
                "\"Eve Formula\",\"eve@" + customer.domain() + "\"");

        mvc.perform(get(page + "/download").with(user(admin))).andExpect(status().isSeeOther());
        mvc.perform(get(page + "/download").with(user(staff("ADMIN_AGENT"))).cookie(keyCookie(saved)))
            .andExpect(status().isSeeOther());
        String reloaded = mvc.perform(get(page).with(user(admin)).cookie(keyCookie(saved))).andReturn().getResponse()
            .getContentAsString();
        assertThat(reloaded).doesNotContain("credential-password").contains("no longer displayed");
        String otherSession = mvc.perform(get(page).with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(otherSession).contains("These temporary passwords are no longer available");
    }

    @Test
    void addAnotherUserKeepsTheRunAndCompleteShowsEveryUserOfIt() throws Exception {
        MvcResult first = mvc.perform(addUser(admin, "Grace", "Hopper", "Grace Hopper", "grace").param("action", "another"))
            .andExpect(status().is3xxRedirection()).andReturn();
        String next = first.getResponse().getRedirectedUrl();
        assertThat(next).startsWith("/customers/" + customer.id() + "/users/new?run=");
        String run = next.substring(next.indexOf("run=") + 4);
        Cookie runKey = keyCookie(first);

        String form = mvc.perform(get(next).with(user(admin)).cookie(runKey)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Added in this run: 1 user", "Grace Hopper", "Complete");

        mvc.perform(addUser(admin, "Alan", "Turing", "Alan Turing", "alan").param("run", run).param("action", "another")
            .cookie(runKey)).andExpect(status().is3xxRedirection());
        MvcResult complete = mvc.perform(post("/customers/{c}/users/new", customer.id()).with(user(admin)).with(csrf())
            .param("domain", customer.domain()).param("run", run).param("action", "complete").cookie(runKey))
            .andExpect(status().is3xxRedirection()).andReturn();

        String page = mvc.perform(get(complete.getResponse().getRedirectedUrl()).with(user(admin))
            .cookie(keyCookie(complete))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Grace Hopper", "Alan Turing");
        assertThat(page.split("credential-password", -1)).hasSize(3);
    }

    @Test
    void aRunWhosePasswordListIsNoLongerAvailableSavesTheUserInANewListAndSaysSo() throws Exception {
        MvcResult first = mvc.perform(addUser(admin, "Grace", "Hopper", "Grace Hopper", "grace").param("action", "another"))
            .andExpect(status().is3xxRedirection()).andReturn();
        String next = first.getResponse().getRedirectedUrl();
        String run = next.substring(next.indexOf("run=") + 4);
        // The run's list was shown meanwhile (in another tab): it can take no more users.
        jdbc.update("update password_handoff set shown_pages = '{1}' where customer_id = ? and id = ?", customer.id(),
                UUID.fromString(run));

        MvcResult second = mvc.perform(addUser(admin, "Alan", "Turing", "Alan Turing", "alan").param("run", run)
            .param("action", "another").cookie(keyCookie(first)))
            .andExpect(status().is3xxRedirection()).andReturn();

        String nextRun = second.getResponse().getRedirectedUrl();
        assertThat(nextRun).startsWith("/customers/" + customer.id() + "/users/new?run=").isNotEqualTo(next);
        assertThat(second.getFlashMap().get("noticeKey")).isEqualTo("create.runLost");
        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ? and username = ?",
                Integer.class, customer.id(), "alan@" + customer.domain())).isEqualTo(1);
        String form = mvc.perform(get(nextRun).with(user(admin)).cookie(keyCookie(second)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Added in this run: 1 user", "Alan Turing").doesNotContain("Grace Hopper");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            display name required       | '' | ada | Enter a display name. | Escriba un nombre para mostrar.
            name too long               | 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 | ada | Use at most 50 characters (this has 51). | Use como máximo 50 caracteres (este tiene 51).
            leading equals              | =SUM(A1) | ada | Cannot start with =: spreadsheets would read it as a formula. | No puede empezar por =: las hojas de cálculo lo leerían como una fórmula.
            leading plus                | +Ada | ada | Cannot start with +: spreadsheets | No puede empezar por +: las hojas
            leading minus               | -Ada | ada | Cannot start with -: spreadsheets | No puede empezar por -: las hojas
            leading at                  | @Ada | ada | Cannot start with @: spreadsheets | No puede empezar por @: las hojas
            username characters         | Ada | ada lovelace | Use only the letters A–Z and a–z, digits and | Use solo las letras A–Z y a–z, dígitos y
            username accented           | Ada | adá | Use only the letters A–Z and a–z, digits and | Use solo las letras A–Z y a–z, dígitos y
            username required           | Ada | '' | Enter a username. | Escriba un nombre de usuario.
            """)
    void everyRuleExplainsItselfOnItsFieldInEnglishAndSpanish(String rule, String displayName, String localPart,
            String english, String spanish) throws Exception {
        assertThat(formErrors(addUser(admin, "Ada", "L", displayName, localPart), Locale.ENGLISH)).contains(english);
        assertThat(formErrors(addUser(admin, "Ada", "L", displayName, localPart), new Locale("es"))).contains(spanish);
        assertThat(countUsers()).isZero();
    }

    @Test
    void lineBreaksAndControlCharactersAreRefused() throws Exception {
        assertThat(formErrors(addUser(admin, "Ada\nL", "L", "Ada", "ada"), Locale.ENGLISH))
            .contains("Cannot contain line breaks or other control characters.");
        assertThat(formErrors(addUser(admin, "Ada", "L", "Ada\u0007", "ada"), new Locale("es")))
            .contains("No puede contener saltos de línea ni otros caracteres de control.");
    }

    @Test
    void aDomainThatIsNotVerifiedIsRefused() throws Exception {
        MockHttpServletRequestBuilder request = addUser(admin, "Ada", "L", "Ada", "ada").param("domain", "evil.example");
        assertThat(formErrors(request, Locale.ENGLISH)).contains("evil.example is not one of this customer's verified domains.");
        assertThat(formErrors(addUser(admin, "Ada", "L", "Ada", "ada").param("domain", "evil.example"), new Locale("es")))
            .contains("evil.example no es uno de los dominios comprobados de este cliente.");
    }

    @Test
    void anInvalidUsageLocationIsRefused() throws Exception {
        assertThat(formErrors(addUser(admin, "Ada", "L", "Ada", "ada").param("usageLocation", "XX"), Locale.ENGLISH))
            .contains("Choose a country as a two-letter ISO code, such as ES.");
    }

    @Test
    void aUsernameIsUniqueInTheCustomerIgnoringCase() throws Exception {
        data.user(customer, "Ada Existing", "ada");
        assertThat(formErrors(addUser(admin, "Ada", "L", "Ada", "ADA"), Locale.ENGLISH))
            .contains("ADA@" + customer.domain() + " is already used by another user of this customer.");
        assertThat(formErrors(addUser(admin, "Ada", "L", "Ada", "ADA"), new Locale("es")))
            .contains("Otro usuario de este cliente ya usa ADA@" + customer.domain());
    }

    @Test
    void aDeletedUserInsideItsRestoreWindowStillHoldsItsUsernameAndTheMessageSaysUntilWhen() throws Exception {
        UUID deleted = data.user(customer, "Old Ada", "ada");
        Instant deletedAt = Instant.now().minus(Duration.ofDays(10));
        jdbc.update("update customer_user set deleted_at = ?, deleted_by = 'admin' where id = ?", Timestamp.from(deletedAt),
                deleted);
        assertThat(formErrors(addUser(admin, "Ada", "L", "Ada", "ada"), Locale.ENGLISH))
            .contains("belongs to a deleted user who can be restored until");
        assertThat(formErrors(addUser(admin, "Ada", "L", "Ada", "ada"), new Locale("es")))
            .contains("pertenece a un usuario eliminado que se puede restaurar hasta el");

        jdbc.update("update customer_user set deleted_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(31))), deleted);
        mvc.perform(addUser(admin, "Ada", "L", "Ada", "ada")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aUsernameTakenInAnotherDirectoryIsRefusedWithoutNamingTheCustomer() throws Exception {
        TestCustomer other = data.customer("Elsewhere Fabrikam");
        data.user(other, "Ada Elsewhere", "ada");
        // The other customer's domain came to this one while its user stayed active there, as after a creation that
        // raced the domain's removal.
        jdbc.update("update customer_domain set customer_id = ?, position = 1 where domain = ?", customer.id(),
                other.domain());
        MockHttpServletRequestBuilder english = addUser(admin, "Ada", "L", "Ada", "ADA", other.domain());
        MockHttpServletRequestBuilder spanish = addUser(admin, "Ada", "L", "Ada", "ada", other.domain());

        assertThat(formErrors(english, Locale.ENGLISH)).contains("ADA@" + other.domain()
                + " is taken in another directory. Choose another username.").doesNotContain(other.name());
        assertThat(formErrors(spanish, new Locale("es"))).contains("ada@" + other.domain()
                + " está en uso en otro directorio.").doesNotContain(other.name());
        assertThat(countUsers()).isZero();
        assertThat(jdbc.queryForList("""
                select target from audit_entry
                where customer_id = ? and action = 'user.created' and outcome = 'FAILURE'
                """, String.class, customer.id())).as("each refused attempt is on the Activity tab")
            .containsExactlyInAnyOrder("ADA@" + other.domain(), "ada@" + other.domain());
    }

    @Test
    void aLicenseNeedsAUsageLocationWithTheSameMessageAsManageLicenses() throws Exception {
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        assertThat(formErrors(addUser(admin, "Ada", "L", "Ada", "ada").param("subscriptionIds", e3.toString()),
                Locale.ENGLISH)).contains("Microsoft requires a usage location before any license");
        assertThat(formErrors(addUser(admin, "Ada", "L", "Ada", "ada").param("subscriptionIds", e3.toString()),
                new Locale("es"))).contains("Microsoft exige una ubicación de uso antes de cualquier licencia");
        assertThat(countUsers()).isZero();

        mvc.perform(addUser(admin, "Ada", "L", "Ada", "ada")).andExpect(status().is3xxRedirection());
        assertThat(countUsers()).as("without licenses no usage location is needed").isEqualTo(1);
    }

    @Test
    void aProductWithoutFreeSeatsIsShownDisabledAndRefusedWhenPostedAnyway() throws Exception {
        UUID full = data.subscription(customer.id(), "VISIOCLIENT", 1);
        data.assign(customer.id(), full, List.of(data.user(customer, "Seat Holder", "holder")));
        String form = mvc.perform(get("/customers/{c}/users/new", customer.id()).with(user(admin)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("No seats left (all 1 assigned)").containsPattern("value=\"" + full + "\"[^>]*disabled");

        assertThat(formErrors(addUser(admin, "Ada", "L", "Ada", "ada").param("subscriptionIds", full.toString())
            .param("usageLocation", "ES"), Locale.ENGLISH)).contains("Not enough seats left in Visio Plan 2. Nothing was saved.");
        assertThat(countUsers()).isEqualTo(1);
    }

    @Test
    void aSubscriptionOfAnotherCustomerIsNotFound() throws Exception {
        TestCustomer other = data.customer("Other Fabrikam");
        UUID theirs = data.subscription(other.id(), "SPE_E3", 10);
        mvc.perform(addUser(admin, "Ada", "L", "Ada", "ada").param("subscriptionIds", theirs.toString()))
            .andExpect(status().isNotFound());
        assertThat(countUsers()).isZero();
    }

    @Test
    void salesAndHelpdeskAgentsCannotCreateUsers() throws Exception {
        for (SignedInStaff agent : List.of(staff("SALES_AGENT"), staff("HELPDESK_AGENT"))) {
            mvc.perform(get("/customers/{c}/users/new", customer.id()).with(user(agent))).andExpect(status().isForbidden());
            mvc.perform(addUser(agent, "Ada", "L", "Ada", "ada")).andExpect(status().isForbidden());
        }
        assertThat(countUsers()).isZero();
        String list = mvc.perform(get("/customers/{c}/users", customer.id()).with(user(staff("SALES_AGENT"))))
            .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("/users/new");
    }

    @Test
    void theUsersListOffersAddUserToAdminAgents() throws Exception {
        String list = mvc.perform(get("/customers/{c}/users", customer.id()).with(user(admin)))
            .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/customers/" + customer.id() + "/users/new", "Add user");
    }

    private String formErrors(MockHttpServletRequestBuilder request, Locale locale) throws Exception {
        String html = mvc.perform(request.locale(locale)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
        return HtmlUtils.htmlUnescape(html);
    }

    private MockHttpServletRequestBuilder addUser(SignedInStaff staff, String first, String last, String display,
            String localPart) {
        return addUser(staff, first, last, display, localPart, customer.domain());
    }

    private MockHttpServletRequestBuilder addUser(SignedInStaff staff, String first, String last, String display,
            String localPart, String domain) {
        return post("/customers/{c}/users/new", customer.id()).with(user(staff)).with(csrf())
            .param("firstName", first).param("lastName", last).param("displayName", display)
            .param("localPart", localPart).param("domain", domain);
    }

    private int countUsers() {
        return jdbc.queryForObject("select count(*) from customer_user where customer_id = ? and deleted_at is null",
                Integer.class, customer.id());
    }

    private SignedInStaff staff(String role) {
        String username = data.staff(role);
        return new SignedInStaff(UUID.randomUUID(), username, "Test " + username, username + "@partner.example",
                StaffRole.valueOf(role), 0);
    }

    static Cookie keyCookie(MvcResult result) {
        return result.getResponse().getHeaders("Set-Cookie").stream()
            .filter(c -> c.startsWith("PD-HANDOFF-") && !c.contains("Max-Age=0"))
            .map(c -> c.substring(0, c.indexOf(';')).split("=", 2))
            .map(pair -> new Cookie(pair[0], pair[1]))
            .reduce((a, b) -> b)
            .orElseThrow();
    }
}
