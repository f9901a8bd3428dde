package com.partnerdesk.portal;

import java.util.Set;
import java.util.UUID;

import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.internal.PasswordResets;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.directory.internal.UserDeletion;
import com.partnerdesk.directory.UserProfile;
import com.partnerdesk.security.StaffRole;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A customer user's first sign-in, the forced password change, My account, and the wall between users and staff. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerUserSignInWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserCreation creation;

    @Autowired
    PasswordResets resets;

    @Autowired
    UserDeletion deletion;

    TestData data;

    TestCustomer customer;

    CreatedUser ada;

    UUID e3;

    @BeforeEach
    void setUp() {
        data = new TestData(jdbc);
        customer = data.customer("Sign In Contoso");
        e3 = data.subscription(customer.id(), "SPE_E3", 5);
        ada = creation.create(customer.id(), new NewUser(new UserProfile("Ada", "Lovelace", "Ada Lovelace",
                "ada.lovelace@" + customer.domain(), "GB", Set.of()), Set.of(e3)));
    }

    @Test
    void firstSignInForcesANewPasswordThenShowsMyAccount() throws Exception {
        Cookie session = signIn(ada.username(), ada.temporaryPassword());
        mvc.perform(get("/my/account").cookie(session)).andExpect(redirectedUrl("/my/change-password"));

        assertThat(changePassword(session, ada.temporaryPassword()))
            .contains("Choose a password different from your temporary password.");
        assertThat(changePassword(session, "short")).contains("Use at least 12 characters.");
        assertThat(changePassword(session, "xx-Ada.Lovelace-xx")).contains("Your password cannot contain your username.");
        String mismatch = mvc.perform(post("/my/change-password").cookie(session).with(csrf())
            .param("newPassword", "a long passphrase").param("confirmation", "another passphrase"))
            .andReturn().getResponse().getContentAsString();
        assertThat(mismatch).contains("The two passwords are not the same.");

        mvc.perform(post("/my/change-password").cookie(session).with(csrf())
            .param("newPassword", "a long passphrase of my own").param("confirmation", "a long passphrase of my own"))
            .andExpect(redirectedUrl("/my/account?changed"));
        String account = mvc.perform(get("/my/account?changed").cookie(session)).andExpect(status().isOk()).andReturn()
            .getResponse().getContentAsString();
        assertThat(account).contains("Ada Lovelace", ada.username(), "Microsoft 365 E3", "Your password was saved.");

        assertThat(jdbc.queryForObject("""
                select password_hash like '{bcrypt}%' and not password_temporary and password_expires_at is null
                   and last_sign_in_at is not null
                from customer_user where id = ?
                """, Boolean.class, ada.id())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'user.first-sign-in' and target = ?",
                Integer.class, ada.username())).isEqualTo(1);
        assertThat(signInResult(ada.username(), ada.temporaryPassword())).isEqualTo("/my/sign-in?error");
        assertThat(signInResult(ada.username(), "a long passphrase of my own")).isEqualTo("/my/account");
    }

    @Test
    void anExpiredTemporaryPasswordIsRefusedWithAMessageToAskForAReset() throws Exception {
        jdbc.update("update customer_user set password_expires_at = now() - interval '1 minute' where id = ?", ada.id());
        assertThat(signInResult(ada.username(), ada.temporaryPassword())).isEqualTo("/my/sign-in?expired");
        assertThat(mvc.perform(get("/my/sign-in?expired")).andReturn().getResponse().getContentAsString())
            .contains("Your temporary password has expired. Ask your administrator to reset your password.");
        // A wrong password says nothing about expiry.
        assertThat(signInResult(ada.username(), "wrong")).isEqualTo("/my/sign-in?error");
        assertThat(signInResult("nobody@" + customer.domain(), "wrong")).isEqualTo("/my/sign-in?error");
    }

    @Test
    void customerUsersNeverReachPartnerPages() throws Exception {
        Cookie session = signIn(ada.username(), ada.temporaryPassword());
        for (String page : new String[] { "/", "/customers", "/customers/" + customer.id() + "/users",
                "/customers/" + customer.id() + "/users/new" }) {
            MvcResult result = mvc.perform(get(page).cookie(session)).andReturn();
            assertThat(result.getResponse().getStatus()).as(page).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/sign-in");
        }
        mvc.perform(post("/customers/{c}/users/new", customer.id()).cookie(session).with(csrf())
            .param("displayName", "X").param("localPart", "x").param("domain", customer.domain()))
            .andExpect(redirectedUrl("/sign-in"));
        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Integer.class,
                customer.id())).isEqualTo(1);
    }

    @Test
    void staffSessionsNeverReachTheCustomerUsersPages() throws Exception {
        String admin = data.staff("ADMIN_AGENT");
        Cookie staff = sessionOf(mvc.perform(formLogin("/sign-in").user(admin).password(TestData.STAFF_PASSWORD))
            .andExpect(redirectedUrl("/")).andReturn());
        mvc.perform(get("/customers").cookie(staff)).andExpect(status().isOk());
        mvc.perform(get("/my/account").cookie(staff)).andExpect(redirectedUrl("/my/sign-in"));
        // Staff credentials are not customer user credentials.
        assertThat(signInResult(admin, TestData.STAFF_PASSWORD)).isEqualTo("/my/sign-in?error");
    }

    @Test
    void deletingAUserEndsTheirSessionAtTheirNextRequest() throws Exception {
        Cookie session = signIn(ada.username(), ada.temporaryPassword());
        deletion.delete(customer.id(), java.util.List.of(ada.id()), true, "an administrator");
        mvc.perform(get("/my/account").cookie(session)).andExpect(redirectedUrl("/my/sign-in?reset"));
        mvc.perform(get("/my/account").cookie(session)).andExpect(redirectedUrl("/my/sign-in"));
    }

    @Test
    void aResetSignsOutASessionOpenedWithTheOldPassword() throws Exception {
        Cookie session = signIn(ada.username(), ada.temporaryPassword());
        resets.reset(customer.id(), java.util.List.of(ada.id()), StaffRole.ADMIN_AGENT);
        mvc.perform(get("/my/change-password").cookie(session)).andExpect(redirectedUrl("/my/sign-in?reset"));
        mvc.perform(get("/my/account").cookie(session)).andExpect(redirectedUrl("/my/sign-in"));
    }

    /** Sessions live in the database (Spring Session): the cookie is what carries one from request to request. */
    private Cookie signIn(String username, String password) throws Exception {
        return sessionOf(mvc.perform(formLogin("/my/sign-in").user(username).password(password))
            .andExpect(redirectedUrl("/my/account")).andReturn());
    }

    private static Cookie sessionOf(MvcResult result) {
        return java.util.Arrays.stream(result.getResponse().getCookies())
            .filter(cookie -> !cookie.getName().startsWith("PD-HANDOFF-"))
            .findFirst()
            .orElseThrow();
    }

    private String signInResult(String username, String password) throws Exception {
        return mvc.perform(formLogin("/my/sign-in").user(username).password(password)).andReturn().getResponse()
            .getRedirectedUrl();
    }

    private String changePassword(Cookie session, String password) throws Exception {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(mvc.perform(post("/my/change-password")
            .cookie(session).with(csrf()).param("newPassword", password).param("confirmation", password))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
