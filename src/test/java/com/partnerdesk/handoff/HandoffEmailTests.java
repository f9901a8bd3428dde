package com.partnerdesk.handoff;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.directory.UserProfile;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.support.SignedIn;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Email from the confirmation page goes through a real SMTP server (GreenMail in this JVM) and holds the run only. */
@SpringBootTest
@AutoConfigureMockMvc
class HandoffEmailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserCreation creation;

    @Autowired
    PasswordHandoffs handoffs;

    TestCustomer customer;

    SignedInStaff admin;

    @BeforeEach
    void setUp() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        TestData data = new TestData(jdbc);
        customer = data.customer("Mail Contoso");
        admin = SignedIn.staff(data, "ADMIN_AGENT");
    }

    @Test
    void theMessageHoldsExactlyTheUsersOfTheRun() throws Exception {
        List<CreatedUser> run = create("ada", "bo");
        List<CreatedUser> otherRun = create("cy");
        OpenedHandoff handoff = open(run);
        open(otherRun);

        String page = mvc.perform(get(HandoffCookies.path(customer.id(), handoff.id())).with(user(admin))
            .cookie(cookie(handoff))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + admin.email() + "\"", "Email is not a secure channel");

        mvc.perform(post(HandoffCookies.path(customer.id(), handoff.id()) + "/email").with(user(admin)).with(csrf())
            .cookie(cookie(handoff)).param("recipients", "it@" + customer.domain() + ", " + admin.email()))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("noticeKey", "handoff.email.sent"));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage message = received[0];
        assertThat(message.getAllRecipients()).extracting(Object::toString)
            .containsExactlyInAnyOrder("it@" + customer.domain(), admin.email());
        assertThat(message.getSubject()).isEqualTo("Temporary passwords for " + customer.name());
        String body = GreenMailUtil.getBody(message);
        String text = new String(jakarta.mail.internet.MimeUtility.decode(
                new java.io.ByteArrayInputStream(body.getBytes()), "quoted-printable").readAllBytes(), "UTF-8");
        for (CreatedUser user : run) {
            assertThat(text).contains(user.displayName(), user.username(), user.temporaryPassword());
        }
        assertThat(text).doesNotContain(otherRun.get(0).username(), otherRun.get(0).temporaryPassword());
        assertThat(text.split("Temporary password: ", -1)).hasSize(run.size() + 1);
        assertThat(text).contains("/my/sign-in");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where customer_id = ? and action = 'handoff.emailed'",
                Integer.class, customer.id())).isEqualTo(1);
    }

    @Test
    void theMessageIsInTheStaffMembersLanguage() throws Exception {
        OpenedHandoff handoff = open(create("lucia"));
        mvc.perform(post(HandoffCookies.path(customer.id(), handoff.id()) + "/email").with(user(admin)).with(csrf())
            .locale(new Locale("es")).cookie(cookie(handoff)).param("recipients", admin.email()))
            .andExpect(status().is3xxRedirection());
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Contraseñas temporales para " + customer.name());
        assertThat(GreenMailUtil.getBody(message)).contains("Contrase=C3=B1a temporal");
    }

    @Test
    void nothingIsSentWithoutTheKeyOrToMalformedAddresses() throws Exception {
        OpenedHandoff handoff = open(create("ada"));
        mvc.perform(post(HandoffCookies.path(customer.id(), handoff.id()) + "/email").with(user(admin)).with(csrf())
            .param("recipients", admin.email())).andExpect(flash().attribute("noticeKey", "handoff.gone.title"));
        mvc.perform(post(HandoffCookies.path(customer.id(), handoff.id()) + "/email").with(user(admin)).with(csrf())
            .cookie(cookie(handoff)).param("recipients", "not an address"))
            .andExpect(flash().attribute("noticeKey", "handoff.email.invalidRecipients"));
        mvc.perform(post(HandoffCookies.path(customer.id(), handoff.id()) + "/email")
            .with(user(SignedIn.staff(new TestData(jdbc), "ADMIN_AGENT"))).with(csrf()).cookie(cookie(handoff))
            .param("recipients", admin.email())).andExpect(flash().attribute("noticeKey", "handoff.gone.title"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private List<CreatedUser> create(String... localParts) {
        return creation.createAll(customer.id(), java.util.Arrays.stream(localParts)
            .map(l -> new NewUser(new UserProfile(l, "Test", l + " Test", l + "@" + customer.domain(), null, Set.of()),
                    Set.of()))
            .toList());
    }

    private OpenedHandoff open(List<CreatedUser> users) {
        return handoffs.open(customer.id(), admin.username(), users.stream()
            .map(u -> new IssuedCredential(u.displayName(), u.username(), u.temporaryPassword())).toList());
    }

    private static Cookie cookie(OpenedHandoff handoff) {
        return new Cookie("PD-HANDOFF-" + handoff.id(), handoff.key());
    }
}
