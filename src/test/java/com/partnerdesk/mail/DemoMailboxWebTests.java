package com.partnerdesk.mail;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.support.SignedIn;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** With no mail server configured, email goes to the in-process server and shows on the sender's demo mailbox. */
@SpringBootTest
@AutoConfigureMockMvc
class DemoMailboxWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordHandoffs handoffs;

    @Test
    void emailSentWithoutAMailServerLandsInTheSendersDemoMailboxOnly() throws Exception {
        TestData data = new TestData(jdbc);
        UUID customerId = data.customer("Demo Mail").id();
        SignedInStaff sender = SignedIn.staff(data, "ADMIN_AGENT");
        OpenedHandoff handoff = handoffs.open(customerId, sender.username(),
                java.util.List.of(new IssuedCredential("Ada Demo", "ada@demo.example", "Demo#2345abcdEFG")));

        mvc.perform(post("/customers/{c}/handoffs/{h}/email", customerId, handoff.id()).with(user(sender)).with(csrf())
            .locale(Locale.ENGLISH).cookie(new Cookie("PD-HANDOFF-" + handoff.id(), handoff.key()))
            .param("recipients", sender.email()));

        String mailbox = mvc.perform(get("/demo/mailbox").with(user(sender))).andReturn().getResponse()
            .getContentAsString();
        assertThat(mailbox).contains("Temporary passwords for Demo Mail", "Ada Demo", "Demo#2345abcdEFG");
        String someoneElse = mvc.perform(get("/demo/mailbox").with(user(SignedIn.staff(data, "SALES_AGENT"))))
            .andReturn().getResponse().getContentAsString();
        assertThat(someoneElse).doesNotContain("Demo#2345abcdEFG").contains("You have not sent any email yet.");
    }
}
