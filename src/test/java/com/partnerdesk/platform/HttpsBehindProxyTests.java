package com.partnerdesk.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.partnerdesk.mail.DemoMailbox;
import com.partnerdesk.mail.DemoMessage;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.support.SignIns;
import com.partnerdesk.support.SignedIn;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Behind a proxy that ends TLS, the application itself is reached over plain HTTP, and the proxy may or may not say
 * that the browser used HTTPS. With {@code partnerdesk.public-url} set to an https address, every cookie is Secure and
 * every response carries HSTS all the same. The requests here are plain HTTP without any X-Forwarded header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "partnerdesk.public-url=https://partnerdesk.example.com/")
@AutoConfigureMockMvc
class HttpsBehindProxyTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoMailbox mailbox;

    TestData data;

    @BeforeEach
    void setUp() {
        data = new TestData(jdbc);
    }

    @Test
    void theSessionCookieIsSecureAndHstsIsSentOverPlainHttp() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/sign-in")).andReturn().getResponse();
        assertThat(page.getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(cookie(page, "PARTNERDESK_SESSION")).contains("Secure", "HttpOnly");

        MvcResult signedIn = SignIns.signIn(mvc, data.staff("ADMIN_AGENT"), TestData.STAFF_PASSWORD, "10.23.3.1");
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(signedIn.getResponse().getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(cookie(signedIn.getResponse(), "PARTNERDESK_SESSION")).contains("Secure", "HttpOnly");
    }

    @Test
    void theRealServerAnsweringPlainHttpSetsASecureSessionCookieAndHsts() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).startsWith("max-age=31536000"));
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("PARTNERDESK_SESSION="))
            .singleElement().satisfies(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax"));
    }

    @Test
    void everyChainAndEveryKindOfResponseCarriesHsts() throws Exception {
        for (String path : List.of("/my/sign-in", "/assets/no-such-file.css", "/no-such-page", "/customers")) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                .as(path).startsWith("max-age=31536000");
        }
        assertThat(mvc.perform(get("/no-such-page").with(user(SignedIn.staff(data, "SALES_AGENT")))).andReturn()
            .getResponse().getHeader("Strict-Transport-Security")).startsWith("max-age=31536000");
    }

    @Test
    void theHandoffKeyAndLanguageCookiesAreSecure() throws Exception {
        TestCustomer customer = data.customer("Proxy Contoso");
        SignedInStaff admin = SignedIn.staff(data, "ADMIN_AGENT");
        MvcResult saved = mvc.perform(post("/customers/{c}/users/new", customer.id()).with(user(admin)).with(csrf())
            .param("firstName", "Ada").param("lastName", "Proxy").param("displayName", "Ada Proxy")
            .param("localPart", "ada").param("domain", customer.domain()).param("action", "save")).andReturn();

        assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/customers/" + customer.id() + "/handoffs/");
        assertThat(cookie(saved.getResponse(), "PD-HANDOFF-")).contains("Secure", "HttpOnly", "SameSite=Strict");

        MockHttpServletResponse spanish = mvc.perform(get("/sign-in").param("lang", "es")).andReturn().getResponse();
        assertThat(cookie(spanish, "partnerdesk-lang")).contains("Secure");
    }

    @Test
    void theSignInLinkInAnEmailPointsAtThePublicAddress() throws Exception {
        TestCustomer customer = data.customer("Proxy Mail Contoso");
        SignedInStaff admin = SignedIn.staff(data, "ADMIN_AGENT");
        MvcResult saved = mvc.perform(post("/customers/{c}/users/new", customer.id()).with(user(admin)).with(csrf())
            .param("firstName", "Bo").param("lastName", "Proxy").param("displayName", "Bo Proxy")
            .param("localPart", "bo").param("domain", customer.domain()).param("action", "save")).andReturn();
        String page = saved.getResponse().getRedirectedUrl();
        String key = cookie(saved.getResponse(), "PD-HANDOFF-");
        Cookie keyCookie = new Cookie(key.substring(0, key.indexOf('=')),
                key.substring(key.indexOf('=') + 1, key.indexOf(';')));

        mvc.perform(post(page + "/email").with(user(admin)).with(csrf()).cookie(keyCookie)
            .param("recipients", admin.email())).andReturn();

        List<DemoMessage> sent = mailbox.sentBy(admin.username());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body()).contains("https://partnerdesk.example.com/my/sign-in")
            .doesNotContain("http://localhost");
    }

    /** The cookie set (not the one removed) under that name. */
    private static String cookie(MockHttpServletResponse response, String namePrefix) {
        return response.getHeaders("Set-Cookie").stream()
            .filter(c -> c.startsWith(namePrefix) && !c.contains("Max-Age=0")).findFirst()
            .orElseThrow(() -> new AssertionError("no Set-Cookie " + namePrefix + " in "
                    + response.getHeaders("Set-Cookie")));
    }
}
