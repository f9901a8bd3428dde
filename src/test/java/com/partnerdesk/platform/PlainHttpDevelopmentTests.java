package com.partnerdesk.platform;

import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.support.SignedIn;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Without a public address (a developer's http://localhost), plain HTTP keeps working: no cookie is Secure, which a
 * browser would not send back over http, and no HSTS. A request that itself arrives over HTTPS still gets both.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlainHttpDevelopmentTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    TestData data;

    @BeforeEach
    void setUp() {
        data = new TestData(jdbc);
    }

    @Test
    void overPlainHttpNoCookieIsSecureAndNoHstsIsSent() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/sign-in").param("lang", "es")).andReturn().getResponse();
        assertThat(page.getHeader("Strict-Transport-Security")).isNull();
        assertThat(page.getHeaders("Set-Cookie")).isNotEmpty().noneMatch(cookie -> cookie.contains("Secure"));

        MockHttpServletResponse saved = mvc.perform(addUser("plain", false)).andReturn().getResponse();
        assertThat(saved.getHeader("Strict-Transport-Security")).isNull();
        assertThat(saved.getHeaders("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("PD-HANDOFF-"))
            .noneMatch(cookie -> cookie.contains("Secure"));
    }

    @Test
    void aRequestThatArrivesOverHttpsGetsSecureCookiesAndHsts() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/my/sign-in").secure(true)).andReturn().getResponse();
        assertThat(page.getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(page.getHeaders("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("partnerdesk-csrf="))
            .allMatch(cookie -> cookie.contains("Secure"));

        MockHttpServletResponse saved = mvc.perform(addUser("tls", true)).andReturn().getResponse();
        assertThat(saved.getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(saved.getHeaders("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("PD-HANDOFF-"))
            .allMatch(cookie -> cookie.contains("Secure"));
    }

    private MockHttpServletRequestBuilder addUser(String localPart, boolean secure) {
        TestCustomer customer = data.customer("Plain " + localPart + " Contoso");
        SignedInStaff admin = SignedIn.staff(data, "ADMIN_AGENT");
        return post("/customers/{c}/users/new", customer.id()).secure(secure).with(user(admin)).with(csrf())
            .param("firstName", "Ada").param("lastName", "Plain").param("displayName", "Ada Plain")
            .param("localPart", localPart).param("domain", customer.domain()).param("action", "save");
    }
}
