package com.partnerdesk.security;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The browser protections every response carries, and forms that only work with their CSRF token. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHeadersTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagesForbidInlineScriptFramingSniffingAndLeakingTheirAddress() throws Exception {
        for (MockHttpServletResponse response : new MockHttpServletResponse[] {
                mvc.perform(get("/sign-in")).andReturn().getResponse(),
                mvc.perform(get("/customers").with(user("admin-headers").roles("ADMIN_AGENT"))).andReturn().getResponse() }) {
            String policy = response.getHeader("Content-Security-Policy");
            assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void pagesContainNoInlineScript() throws Exception {
        String page = mvc.perform(get("/sign-in")).andReturn().getResponse().getContentAsString();

        assertThat(page).containsPattern("<script src=\"/assets/js/app-[0-9a-f]{32}\\.js\"").doesNotContainPattern("<script(?![^>]*\\ssrc=)")
            .doesNotContain(" onclick=", " style=\"");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String company = "No Token " + UUID.randomUUID();

        int withoutToken = mvc.perform(post("/customers/new").param("companyName", company)
            .param("domains", "no-token-" + UUID.randomUUID().toString().substring(0, 8) + ".example")
            .with(user("admin-csrf").roles("ADMIN_AGENT"))).andReturn().getResponse().getStatus();
        int withWrongToken = mvc.perform(post("/customers/new").param("companyName", company)
            .param("domains", "bad-token-" + UUID.randomUUID().toString().substring(0, 8) + ".example")
            .with(csrf().useInvalidToken())
            .with(user("admin-csrf").roles("ADMIN_AGENT"))).andReturn().getResponse().getStatus();

        assertThat(withoutToken).isEqualTo(403);
        assertThat(withWrongToken).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from customer where company_name = ?", Long.class, company))
            .isZero();
    }

    @Test
    void signingInNeedsTheCsrfTokenToo() throws Exception {
        assertThat(mvc.perform(post("/sign-in").param("username", "anyone").param("password", "anything"))
            .andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
