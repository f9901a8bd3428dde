package com.partnerdesk.directory.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.partnerdesk.directory.internal.UserDeletion;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.support.SignedIn;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The admin who acts second on a user someone else just deleted — Save in Manage licenses, Reset password, Delete —
 * lands on the users list with a notice naming the user, in the admin's language; never an error page. The refusal is
 * on the customer's Activity tab under the action that was refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UserDeletedMeanwhileWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDeletion deletion;

    @Autowired
    MessageSource messages;

    TestData data;

    TestCustomer customer;

    SignedInStaff admin;

    UUID ada;

    UUID e3;

    @BeforeEach
    void aUserDeletedByAnotherAdmin() {
        data = new TestData(jdbc);
        customer = data.customer("Meanwhile");
        e3 = data.subscription(customer.id(), "SPE_E3", 5);
        ada = data.user(customer, "Ada Lovelace", "ada");
        admin = SignedIn.staff(data, "ADMIN_AGENT");
        deletion.delete(customer.id(), List.of(ada), false, "other-admin");
    }

    @Test
    void theNoticeIsWordedInBothLanguages() {
        String english = messages.getMessage("user.deletedMeanwhile", new Object[] { "Ada Lovelace" }, Locale.ENGLISH);
        String spanish = messages.getMessage("user.deletedMeanwhile", new Object[] { "Ada Lovelace" },
                Locale.forLanguageTag("es"));

        assertThat(english).isEqualTo("Ada Lovelace was deleted by someone else a moment ago; nothing was changed.");
        assertThat(spanish).contains("Ada Lovelace", "Otra persona").isNotEqualTo(english);
        assertThat(messages.getMessage("restore.result.notDeleted", new Object[] { "Ada" }, Locale.ENGLISH))
            .contains("someone else restored");
        assertThat(messages.getMessage("restore.result.notDeleted", new Object[] { "Ada" },
                Locale.forLanguageTag("es"))).contains("otra persona restauró");
    }

    @Test
    void savingLicensesOfTheDeletedUserShowsTheNotice() throws Exception {
        assertNoticeAfter(post("/customers/{c}/users/{u}/licenses", customer.id(), ada)
            .param("licenses[" + e3 + "]", "ASSIGN"), "licenses.changed");
        assertThat(jdbc.queryForObject("select count(*) from license_assignment where user_id = ?", Integer.class, ada))
            .isZero();
    }

    @Test
    void resettingThePasswordOfTheDeletedUserShowsTheNotice() throws Exception {
        assertNoticeAfter(post("/customers/{c}/users/{u}/reset-password", customer.id(), ada), "user.password-reset");
        assertThat(jdbc.queryForObject("select password_hash from customer_user where id = ?", String.class, ada))
            .isNull();
    }

    @Test
    void deletingTheDeletedUserAgainShowsTheNotice() throws Exception {
        assertNoticeAfter(post("/customers/{c}/users/{u}/delete", customer.id(), ada), "user.deleted");
        assertThat(jdbc.queryForObject("select deleted_by from customer_user where id = ?", String.class, ada))
            .isEqualTo("other-admin");
    }

    private void assertNoticeAfter(MockHttpServletRequestBuilder action, String refusedAction) throws Exception {
        String users = "/customers/" + customer.id() + "/users";
        MvcResult refused = mvc.perform(action.with(user(admin)).with(csrf()))
            .andExpect(redirectedUrl(users))
            .andExpect(flash().attribute("noticeKey", "user.deletedMeanwhile"))
            .andReturn();
        // The flash notice waits in the session, found again by its cookie, as a browser would.
        String page = mvc.perform(get(users).with(user(admin)).cookie(refused.getResponse().getCookies()))
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Ada Lovelace was deleted by someone else a moment ago; nothing was changed.");
        assertThat(jdbc.queryForList("""
                select details from audit_entry
                where customer_id = ? and action = ? and target = ? and outcome = 'FAILURE'
                """, String.class, customer.id(), refusedAction, "ada@" + customer.domain()))
            .containsExactly("refused: deleted by someone else meanwhile");
    }
}
