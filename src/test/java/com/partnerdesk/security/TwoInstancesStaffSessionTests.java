package com.partnerdesk.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerdesk.support.SecondInstance;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, over real HTTP: sessions ended by an Admin agent on one instance, or a role changed in
 * the database, end the member's session at their next request on the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoInstancesStaffSessionTests {

    private static final Pattern SESSION_COOKIE = Pattern.compile("PARTNERDESK_SESSION=([^;]+)");

    private static final Pattern CSRF_COOKIE = Pattern.compile("partnerdesk-csrf=([^;]+)");

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void sessionsEndedOnOneInstanceAreEndedOnTheOther() throws Exception {
        TestData data = new TestData(jdbc);
        String helpdesk = data.staff("HELPDESK_AGENT");
        String admin = data.staff("ADMIN_AGENT");
        int other = Integer.parseInt(SecondInstance.context().getEnvironment().getProperty("local.server.port"));
        String helpdeskSession = signIn(other, helpdesk);
        assertThat(get(other, "/customers", helpdeskSession).statusCode()).isEqualTo(200);

        String adminSession = signIn(port, admin);
        UUID helpdeskId = jdbc.queryForObject("select id from staff_member where username = ?", UUID.class, helpdesk);
        HttpResponse<String> staffPage = get(port, "/staff", adminSession);
        HttpResponse<String> ended = post(port, "/staff/" + helpdeskId + "/end-sessions", adminSession,
                csrfCookie(staffPage), "_csrf=" + encode(first(CSRF_FIELD, staffPage.body())));
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
            .endsWith("/staff"));

        assertThat(get(other, "/customers", helpdeskSession).headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
    }

    @Test
    void aRoleChangedInTheDatabaseEndsTheSessionOnEveryInstance() throws Exception {
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        int other = Integer.parseInt(SecondInstance.context().getEnvironment().getProperty("local.server.port"));
        String session = signIn(other, admin);
        assertThat(get(other, "/customers/new", session).statusCode()).isEqualTo(200);

        jdbc.update("update staff_member set role = 'HELPDESK_AGENT' where username = ?", admin);

        assertThat(get(port, "/customers/new", session).headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
        assertThat(get(other, "/customers/new", session).headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
    }

    private String signIn(int instance, String username) throws Exception {
        HttpResponse<String> form = get(instance, "/sign-in", null);
        // The form's token is checked against its cookie: a visitor who has not signed in has no session.
        HttpResponse<String> signedIn = post(instance, "/sign-in", null, csrfCookie(form), "username="
                + encode(username) + "&password=" + encode(TestData.STAFF_PASSWORD) + "&_csrf="
                + encode(first(CSRF_FIELD, form.body())));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
            .doesNotContain("/sign-in"));
        return cookie(signedIn);
    }

    private HttpResponse<String> get(int instance, String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(instance, path)).GET();
        if (session != null) {
            request.header("Cookie", "PARTNERDESK_SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int instance, String path, String session, String csrfCookie, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(url(instance, path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "partnerdesk-csrf=" + csrfCookie + (session == null ? ""
                    : "; PARTNERDESK_SESSION=" + session))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF cookie a page with a form set, whose value the form's token must match. */
    private static String csrfCookie(HttpResponse<String> page) {
        return first(CSRF_COOKIE, String.join("\n", page.headers().allValues("Set-Cookie")));
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

    private static URI url(int instance, String path) {
        return URI.create("http://localhost:" + instance + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
