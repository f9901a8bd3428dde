package com.partnerdesk.directory;

import java.util.List;
import java.util.UUID;

import com.partnerdesk.directory.internal.TemporaryPasswords;
import com.partnerdesk.directory.internal.UserSelections;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.support.SignedIn;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reset password on a user: who may, for whom, and that the old password dies at once. */
@SpringBootTest
@AutoConfigureMockMvc
class ResetPasswordWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustomerSignIn signIn;

    @Autowired
    UserCreation creation;

    @Autowired
    UserSelections selections;

    TestData data;

    TestCustomer customer;

    @BeforeEach
    void setUp() {
        data = new TestData(jdbc);
        customer = data.customer("Reset Contoso");
    }

    @Test
    void aResetIssuesANewTemporaryPasswordAndTheOldOneStopsWorkingAtOnce() throws Exception {
        CreatedUser ada = creation.create(customer.id(), new NewUser(new UserProfile("Ada", "L", "Ada L",
                "ada@" + customer.domain(), null, java.util.Set.of()), java.util.Set.of()));
        SignedInStaff helpdesk = SignedIn.staff(data, "HELPDESK_AGENT");

        String confirm = mvc.perform(get("/customers/{c}/users/{u}/reset-password", customer.id(), ada.id())
            .with(user(helpdesk))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("Ada L", "Reset password");
        MvcResult reset = mvc.perform(post("/customers/{c}/users/{u}/reset-password", customer.id(), ada.id())
            .with(user(helpdesk)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(reset.getResponse().getRedirectedUrl()).startsWith("/customers/" + customer.id() + "/handoffs/");

        assertThat(signIn.verify(ada.username(), ada.temporaryPassword()).result())
            .isEqualTo(SignInOutcome.Result.REFUSED);
        String page = mvc.perform(get(reset.getResponse().getRedirectedUrl()).with(user(helpdesk))
            .cookie(AddUserWebTests.keyCookie(reset))).andReturn().getResponse().getContentAsString();
        String newPassword = org.springframework.web.util.HtmlUtils
            .htmlUnescape(page.replaceAll("(?s).*class=\"credential-password\">([^<]+)<.*", "$1"));
        assertThat(newPassword).hasSize(TemporaryPasswords.LENGTH).isNotEqualTo(ada.temporaryPassword());
        assertThat(signIn.verify(ada.username(), newPassword).result()).isEqualTo(SignInOutcome.Result.ACCEPTED);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry where action = 'user.password-reset' and target = ? and actor = ?
                  and outcome = 'SUCCESS'
                """, Integer.class, ada.username(), helpdesk.username())).isEqualTo(1);
    }

    @Test
    void aHelpdeskAgentCannotResetThePasswordOfAnAdmin() throws Exception {
        UUID admin = data.user(customer, "Global Admin", "boss", "GLOBAL_ADMIN");
        jdbc.update("update customer_user set password_hash = 'unchanged' where id = ?", admin);
        SignedInStaff helpdesk = SignedIn.staff(data, "HELPDESK_AGENT");

        String confirm = mvc.perform(get("/customers/{c}/users/{u}/reset-password", customer.id(), admin)
            .with(user(helpdesk))).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("Only an Admin agent can reset the password of a user who holds an admin role.")
            .doesNotContain("type=\"submit\" class=\"btn btn-primary\"");
        mvc.perform(post("/customers/{c}/users/{u}/reset-password", customer.id(), admin).with(user(helpdesk))
            .with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select password_hash from customer_user where id = ?", String.class, admin))
            .isEqualTo("unchanged");
        assertThat(jdbc.queryForObject("select count(*) from password_handoff where customer_id = ?", Integer.class,
                customer.id())).isZero();

        mvc.perform(post("/customers/{c}/users/{u}/reset-password", customer.id(), admin)
            .with(user(SignedIn.staff(data, "ADMIN_AGENT"))).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void severalSelectedUsersAreResetTogetherOnOneConfirmationPage() throws Exception {
        List<CreatedUser> users = creation.createAll(customer.id(), java.util.stream.Stream.of("ann", "ben", "cat")
            .map(n -> new NewUser(new UserProfile(n, "T", n + " T", n + "@" + customer.domain(), null,
                    java.util.Set.of()), java.util.Set.<UUID>of()))
            .toList());
        SignedInStaff helpdesk = SignedIn.staff(data, "HELPDESK_AGENT");
        UUID selection = selections.create(customer.id(), List.of(users.get(0).id(), users.get(2).id()),
                helpdesk.username());

        String confirm = mvc.perform(get("/customers/{c}/users/reset-password", customer.id())
            .param("selection", selection.toString()).with(user(helpdesk))).andExpect(status().isOk()).andReturn()
            .getResponse().getContentAsString();
        assertThat(confirm).contains("ann T", "cat T", "name=\"selection\"").doesNotContain("ben T");

        MvcResult reset = mvc.perform(post("/customers/{c}/users/reset-password", customer.id())
            .param("selection", selection.toString()).with(user(helpdesk)).with(csrf()))
            .andExpect(status().is3xxRedirection()).andReturn();
        String page = mvc.perform(get(reset.getResponse().getRedirectedUrl()).with(user(helpdesk))
            .cookie(AddUserWebTests.keyCookie(reset))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("ann@" + customer.domain(), "cat@" + customer.domain())
            .doesNotContain("ben@" + customer.domain());
        assertThat(signIn.verify(users.get(0).username(), users.get(0).temporaryPassword()).result())
            .isEqualTo(SignInOutcome.Result.REFUSED);
        assertThat(signIn.verify(users.get(1).username(), users.get(1).temporaryPassword()).result())
            .isEqualTo(SignInOutcome.Result.ACCEPTED);
    }

    @Test
    void aSelectionWithAnAdminIsRefusedToAHelpdeskAgentAsAWhole() throws Exception {
        UUID plain = data.user(customer, "Plain User", "plain");
        UUID admin = data.user(customer, "Global Admin", "boss", "GLOBAL_ADMIN");
        SignedInStaff helpdesk = SignedIn.staff(data, "HELPDESK_AGENT");
        UUID selection = selections.create(customer.id(), List.of(plain, admin), helpdesk.username());

        assertThat(mvc.perform(get("/customers/{c}/users/reset-password", customer.id())
            .param("selection", selection.toString()).with(user(helpdesk))).andReturn().getResponse()
            .getContentAsString()).contains("Only an Admin agent can reset");
        mvc.perform(post("/customers/{c}/users/reset-password", customer.id()).param("selection", selection.toString())
            .with(user(helpdesk)).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ? and password_hash is not null",
                Integer.class, customer.id())).isZero();
    }

    @Test
    void aSelectionOfAnotherCustomerIsNotFound() throws Exception {
        TestCustomer other = data.customer("Other Selection");
        SignedInStaff admin = SignedIn.staff(data, "ADMIN_AGENT");
        UUID selection = selections.create(other.id(), List.of(data.user(other, "Their User", "theirs")),
                admin.username());
        mvc.perform(get("/customers/{c}/users/reset-password", customer.id()).param("selection", selection.toString())
            .with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/customers/{c}/users/reset-password", customer.id()).param("selection", selection.toString())
            .with(user(admin)).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aSalesAgentCannotResetAnyPassword() throws Exception {
        UUID plain = data.user(customer, "Plain User", "plain");
        SignedInStaff sales = SignedIn.staff(data, "SALES_AGENT");
        mvc.perform(get("/customers/{c}/users/{u}/reset-password", customer.id(), plain).with(user(sales)))
            .andExpect(status().isForbidden());
        mvc.perform(post("/customers/{c}/users/{u}/reset-password", customer.id(), plain).with(user(sales))
            .with(csrf())).andExpect(status().isForbidden());
        String detail = mvc.perform(get("/customers/{c}/users/{u}", customer.id(), plain).with(user(sales)))
            .andReturn().getResponse().getContentAsString();
        assertThat(detail).doesNotContain("reset-password");
    }

    @Test
    void aUserOfAnotherCustomerIsNotFound() throws Exception {
        TestCustomer other = data.customer("Other Reset");
        UUID theirs = data.user(other, "Their User", "theirs");
        SignedInStaff admin = SignedIn.staff(data, "ADMIN_AGENT");
        mvc.perform(get("/customers/{c}/users/{u}/reset-password", customer.id(), theirs).with(user(admin)))
            .andExpect(status().isNotFound());
        mvc.perform(post("/customers/{c}/users/{u}/reset-password", customer.id(), theirs).with(user(admin))
            .with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select password_hash is null from customer_user where id = ?", Boolean.class,
                theirs)).isTrue();
    }

    @Test
    void theUserPageOffersResetPassword() throws Exception {
        UUID plain = data.user(customer, "Plain User", "plain");
        String detail = mvc.perform(get("/customers/{c}/users/{u}", customer.id(), plain)
            .with(user(SignedIn.staff(data, "HELPDESK_AGENT")))).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("class=\"user-actions\"",
                "/customers/" + customer.id() + "/users/" + plain + "/reset-password");
    }
}
