package com.partnerdesk.directory;

import java.util.List;
import java.util.UUID;

import com.partnerdesk.directory.internal.AdminRole;
import com.partnerdesk.directory.internal.SelectionNotFound;
import com.partnerdesk.directory.internal.UserFilter;
import com.partnerdesk.directory.internal.UserSelections;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class UserSelectionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserSelections selections;

    @Autowired
    JdbcTemplate jdbc;

    TestData data;

    TestCustomer contoso;

    TestCustomer fabrikam;

    UUID ada;

    UUID grace;

    UUID fabrikamUser;

    @BeforeEach
    void setUp() {
        data = new TestData(jdbc);
        contoso = data.customer("Selection Contoso");
        fabrikam = data.customer("Selection Fabrikam");
        ada = data.user(contoso, "Ada Lovelace", "ada");
        grace = data.user(contoso, "Grace Hopper", "grace", "GLOBAL_ADMIN");
        fabrikamUser = data.user(fabrikam, "Other Customer", "other");
        signInAs("admin-agent");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void keepsTheSelectedUsersInTheOrderTheyWerePicked() {
        UUID selection = selections.create(contoso.id(), List.of(grace, ada), "admin-agent");

        assertThat(selections.userIds(contoso.id(), selection)).containsExactly(grace, ada);
    }

    @Test
    void refusesAWholeSelectionThatNamesAnotherCustomersUser() {
        assertThatThrownBy(() -> selections.create(contoso.id(), List.of(ada, fabrikamUser), "admin-agent"))
            .isInstanceOf(SelectionNotFound.class);
    }

    @Test
    void aSelectionCannotBeReadThroughAnotherCustomerOrByAnotherStaffMember() {
        UUID selection = selections.create(contoso.id(), List.of(ada), "admin-agent");

        assertThatThrownBy(() -> selections.userIds(fabrikam.id(), selection)).isInstanceOf(SelectionNotFound.class);
        signInAs("someone-else");
        assertThatThrownBy(() -> selections.userIds(contoso.id(), selection)).isInstanceOf(SelectionNotFound.class);
    }

    @Test
    void usersDeletedSinceTheSelectionAreLeftOut() {
        UUID selection = selections.create(contoso.id(), List.of(ada, grace), "admin-agent");
        jdbc.update("update customer_user set deleted_at = now(), deleted_by = 'x' where id = ?", grace);

        assertThat(selections.userIds(contoso.id(), selection)).containsExactly(ada);
    }

    @Test
    void anExpiredSelectionIsGone() {
        UUID selection = selections.create(contoso.id(), List.of(ada), "admin-agent");
        jdbc.update("update user_selection set expires_at = now() - interval '1 second' where id = ?", selection);

        assertThatThrownBy(() -> selections.userIds(contoso.id(), selection)).isInstanceOf(SelectionNotFound.class);
    }

    @Test
    void selectingAllMatchingTakesEveryUserTheFilterFinds() {
        UUID selection = selections.createMatching(contoso.id(),
                new UserFilter(null, null, null, false, AdminRole.GLOBAL_ADMIN, null), "admin-agent");

        assertThat(selections.userIds(contoso.id(), selection)).containsExactly(grace);
    }

    @Test
    void theListHandsTheSelectionToTheChosenAction() throws Exception {
        MvcResult result = mvc
            .perform(post("/customers/{c}/users/selection", contoso.id()).param("action", "licenses")
                .param("userId", ada.toString(), grace.toString())
                .with(user("admin-agent").roles("ADMIN_AGENT"))
                .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/customers/" + contoso.id() + "/users/licenses?selection=");

        UUID selection = UUID.fromString(location.substring(location.indexOf('=') + 1));
        signInAs("admin-agent");
        assertThat(selections.userIds(contoso.id(), selection)).containsExactly(ada, grace);
    }

    @Test
    void anEmptySelectionGoesBackToTheListWithAMessage() throws Exception {
        mvc.perform(post("/customers/{c}/users/selection", contoso.id()).param("action", "delete")
            .with(user("admin-agent").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(redirectedUrl("/customers/" + contoso.id() + "/users"));
    }

    @Test
    void anotherCustomersUserInTheFormIsRefusedAndNothingIsStored() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from user_selection", Integer.class);
        mvc.perform(post("/customers/{c}/users/selection", contoso.id()).param("action", "licenses")
            .param("userId", ada.toString(), fabrikamUser.toString())
            .with(user("admin-agent").roles("ADMIN_AGENT"))
            .with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from user_selection", Integer.class)).isEqualTo(before);
    }

    @Test
    void aSalesAgentCannotSelectForAnAction() throws Exception {
        mvc.perform(post("/customers/{c}/users/selection", contoso.id()).param("action", "licenses")
            .param("userId", ada.toString())
            .with(user("sales").roles("SALES_AGENT"))
            .with(csrf())).andExpect(status().isForbidden());
    }

    private static void signInAs(String username) {
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
    }
}
