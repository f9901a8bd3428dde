package com.partnerdesk.portal;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.directory.UserProfile;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, with sessions in PostgreSQL: a browser signed in as a staff member and, at /my, as a customer user
 * holds both sign-ins in one session. Signing out of one leaves the other signed in; signing out of the last ends the
 * session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignOutTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserCreation creation;

    /** One browser: one cookie jar for both sign-ins. */
    final HttpClient browser = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    String staff;

    CreatedUser ada;

    @BeforeEach
    void aStaffMemberAndACustomerUser() {
        TestData data = new TestData(jdbc);
        staff = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Sign-out Contoso");
        ada = creation.create(customer.id(), new NewUser(new UserProfile("Ada", "Lovelace", "Ada Lovelace",
                "ada.lovelace@" + customer.domain(), "GB", Set.of()), Set.of()));
    }

    @Test
    void signingOutOfMyAccountLeavesTheStaffSignedIn() throws Exception {
        signInBoth();

        assertThat(post("/my/sign-out", tokenOf("/my/change-password")).headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/my/sign-in?signedOut"));

        assertThat(get("/my/change-password").statusCode()).as("the customer user is signed out").isEqualTo(302);
        assertThat(get("/").statusCode()).as("the staff member is still signed in").isEqualTo(200);
    }

    @Test
    void signingOutOfThePartnerPagesLeavesTheCustomerUserSignedIn() throws Exception {
        signInBoth();

        assertThat(post("/sign-out", tokenOf("/")).headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in?signedOut"));

        assertThat(get("/").statusCode()).as("the staff member is signed out").isEqualTo(302);
        assertThat(get("/my/change-password").statusCode()).as("the customer user is still signed in")
            .isEqualTo(200);
    }

    @Test
    void signingOutOfBothLeavesNothingSignedIn() throws Exception {
        signInBoth();

        post("/my/sign-out", tokenOf("/my/change-password"));
        post("/sign-out", tokenOf("/"));

        assertThat(get("/").statusCode()).isEqualTo(302);
        assertThat(get("/my/change-password").statusCode()).isEqualTo(302);
    }

    private void signInBoth() throws Exception {
        HttpResponse<String> staffSignIn = post("/sign-in", tokenOf("/sign-in"), "username", staff, "password",
                TestData.STAFF_PASSWORD);
        assertThat(staffSignIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
            .doesNotContain("/sign-in"));
        HttpResponse<String> userSignIn = post("/my/sign-in", tokenOf("/my/sign-in"), "username", ada.username(),
                "password", ada.temporaryPassword());
        assertThat(userSignIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
            .endsWith("/my/account"));
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/my/change-password").statusCode()).isEqualTo(200);
    }

    private String tokenOf(String page) throws Exception {
        HttpResponse<String> response = get(page);
        Matcher matcher = CSRF_FIELD.matcher(response.body());
        assertThat(matcher.find()).as("a form with a CSRF token on %s", page).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String... fields) throws Exception {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(token));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(fields[i]).append('=').append(encode(fields[i + 1]));
        }
        return browser.send(HttpRequest.newBuilder(url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
