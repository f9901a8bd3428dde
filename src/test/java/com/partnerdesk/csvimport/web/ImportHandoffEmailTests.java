package com.partnerdesk.csvimport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.partnerdesk.csvimport.internal.SampleFiles;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.security.StaffRole;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * The users of an import reach the shared confirmation page, and its Email sends every one of them with their
 * temporary password through a real SMTP server (GreenMail in this JVM).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportHandoffEmailTests {

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

    @Test
    void emailFromTheConfirmationPageCarriesEveryImportedUserAndPassword() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        TestCustomer customer = new TestData(jdbc).customer("Import Mail Contoso");
        SignedInStaff admin = new SignedInStaff(UUID.randomUUID(), "import-mailer-" + UUID.randomUUID(), "Test",
                "admin@partner.example", StaffRole.ADMIN_AGENT, 0);
        String preview = mvc.perform(multipart("/customers/{c}/users/import", customer.id())
                        .file(new MockMultipartFile("file", "usuarios.csv", "text/csv",
                                SampleFiles.forDomain("excel-es-semicolon-cp1252.csv", customer.domain())))
                        .with(csrf()).with(user(admin)))
                .andReturn().getResponse().getRedirectedUrl();
        MvcResult created = mvc.perform(post(preview).param("create", "true").with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String confirmation = created.getResponse().getRedirectedUrl();
        Cookie key = created.getResponse().getCookie("PD-HANDOFF-" + confirmation.substring(confirmation.lastIndexOf('/') + 1));
        String page = mvc.perform(get(confirmation).cookie(key).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        mvc.perform(post(confirmation + "/email").cookie(key).with(csrf()).with(user(admin))
                        .param("recipients", "it@" + customer.domain()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("noticeKey", "handoff.email.sent"));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Temporary passwords for " + customer.name());
        String body = (String) received[0].getContent();
        assertThat(body.split("Temporary password: ", -1)).hasSize(12);
        List<String> passwordsOnPage = page.lines().filter(line -> line.contains("credential-password"))
                .map(line -> HtmlUtils.htmlUnescape(line.replaceAll(".*credential-password\">([^<]+)<.*", "$1"))).toList();
        assertThat(passwordsOnPage).hasSize(11);
        assertThat(body).contains(passwordsOnPage).contains("José Muñoz", "jose.munoz@" + customer.domain());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where customer_id = ? and action = 'handoff.emailed'",
                Integer.class, customer.id())).isEqualTo(1);
    }
}
