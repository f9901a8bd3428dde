package com.partnerdesk.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, with sessions in PostgreSQL: signing in gives the browser a new session id, so an id planted before
 * sign-in (session fixation) is worth nothing afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionFixationTests {

    private static final Pattern SESSION_COOKIE = Pattern.compile("PARTNERDESK_SESSION=([^;]+)");

    private static final Pattern CSRF_COOKIE = Pattern.compile("partnerdesk-csrf=([^;]+)");

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void signingInReplacesTheSessionIdAndTheOldIdSignsNobodyIn() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        // A visitor who has not signed in has no session to plant (SessionlessVisitors): the id planted is one the
        // attacker got by signing in with an account of its own.
        String before = signIn(data.staff("SALES_AGENT"), null).session();

        SignedIn signedIn = signIn(admin, before);

        assertThat(signedIn.response().statusCode()).isEqualTo(302);
        assertThat(signedIn.response().headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(
                location).doesNotContain("/sign-in"));
        assertThat(signedIn.session()).isNotBlank().isNotEqualTo(before);
        assertThat(dashboardWith(signedIn.session()).statusCode()).isEqualTo(200);
        HttpResponse<String> withOldId = dashboardWith(before);
        assertThat(withOldId.statusCode()).isEqualTo(302);
        assertThat(withOldId.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
            .endsWith("/sign-in"));
    }

    /** Signs in through the form, in a browser that already holds {@code plantedSession} when it is given. */
    private SignedIn signIn(String username, String plantedSession) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(url("/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookies = "partnerdesk-csrf=" + first(CSRF_COOKIE, String.join("\n", form.headers()
            .allValues("Set-Cookie"))) + (plantedSession == null ? "" : "; PARTNERDESK_SESSION=" + plantedSession);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(url("/sign-in"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookies)
            .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                    + encode(TestData.STAFF_PASSWORD) + "&_csrf=" + encode(first(CSRF_FIELD, form.body()))))
            .build(), HttpResponse.BodyHandlers.ofString());
        return new SignedIn(signedIn, cookie(signedIn));
    }

    private record SignedIn(HttpResponse<String> response, String session) {
    }

    private HttpResponse<String> dashboardWith(String session) throws Exception {
        return http.send(HttpRequest.newBuilder(url("/")).header("Cookie", "PARTNERDESK_SESSION=" + session).GET()
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
            .map(SESSION_COOKIE::matcher)
            .filter(Matcher::find)
            .map(matcher -> matcher.group(1))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No session cookie in " + response.headers().map()));
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("pattern %s in the page", pattern).isTrue();
        return matcher.group(1);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
