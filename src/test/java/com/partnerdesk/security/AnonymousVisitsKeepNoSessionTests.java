package com.partnerdesk.security;

import java.util.Map;

import com.partnerdesk.support.HttpVisitor;
import com.partnerdesk.support.HttpVisitor.Response;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor who has not signed in leaves nothing in the session table, however many pages it asks for: the sign-in
 * forms' CSRF token and the page to return to after signing in travel in cookies, so a scripted flood of anonymous
 * requests cannot fill {@code spring_session} (docs/decisions/0011-refused-sign-ins-counted.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnonymousVisitsKeepNoSessionTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFloodOfAnonymousPagesStoresNoSession() throws Exception {
        long before = sessions();
        for (int visitor = 0; visitor < 30; visitor++) {
            HttpVisitor anonymous = HttpVisitor.at(port, visitor % 2 == 0 ? "en" : "es");
            anonymous.get("/sign-in");
            anonymous.get("/my/sign-in");
            anonymous.get("/customers");
            anonymous.get("/my/account");
            anonymous.get("/no-such-page");
        }
        assertThat(sessions()).as("sessions stored for anonymous visitors").isEqualTo(before);
    }

    @Test
    void signingInStillLandsOnThePageAskedFor() throws Exception {
        TestData data = new TestData(jdbc);
        HttpVisitor visitor = HttpVisitor.at(port, "en");
        Response askedFor = visitor.get("/customers");
        assertThat(askedFor.status()).isEqualTo(302);
        assertThat(askedFor.header("Location")).endsWith("/sign-in");

        Response form = visitor.get("/sign-in");
        Response signedIn = visitor.post("/sign-in", Map.of("username", data.staff("ADMIN_AGENT"), "password",
                TestData.STAFF_PASSWORD, "_csrf", HttpVisitor.csrfToken(form)));

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/customers");
        assertThat(visitor.follow(signedIn).status()).isEqualTo(200);
    }

    @Test
    void aSignInWithoutTheFormsTokenIsRefused() throws Exception {
        TestData data = new TestData(jdbc);
        HttpVisitor visitor = HttpVisitor.at(port, "en");
        visitor.get("/sign-in");
        Response signedIn = visitor.post("/sign-in", Map.of("username", data.staff("ADMIN_AGENT"), "password",
                TestData.STAFF_PASSWORD, "_csrf", "forged"));

        assertThat(signedIn.status()).isEqualTo(403);
    }

    private long sessions() {
        return jdbc.queryForObject("select count(*) from spring_session", Long.class);
    }
}
