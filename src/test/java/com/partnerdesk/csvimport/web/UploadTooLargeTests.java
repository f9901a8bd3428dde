package com.partnerdesk.csvimport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A file over the limit, posted as the real form posts it to the real server, its CSRF token in the body: the admin
 * gets the upload page with the limit explained instead of an error page, and nothing is staged. No token travels in a
 * URL, and a small upload without its token is still refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadTooLargeTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void anOversizedUploadGetsTheUploadPageWithTheLimitAndNothingIsStaged() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Oversized Contoso");
        signIn(admin);
        String uploadPage = body(get("/customers/" + customer.id() + "/users/import"));
        assertThat(uploadPage).doesNotContain("_csrf=");
        String token = csrfToken(uploadPage);

        byte[] file = new byte[38 * 1024 * 1024];
        Arrays.fill(file, (byte) 'a');
        HttpResponse<String> response = http.send(multipart("/customers/" + customer.id() + "/users/import", token,
                file), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/customers/" + customer.id() + "/users/import?tooLarge");
        assertThat(body(get(URI.create(location).getPath() + "?tooLarge")))
                .contains("The file is larger than 35 MB. Split it into files of at most 150,000 users.");
        assertThat(jdbc.queryForObject("select count(*) from import_batch where customer_id = ?", Integer.class,
                customer.id())).isZero();
    }

    @Test
    void aSmallUploadWithoutItsTokenIsStillForbidden() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Tokenless Contoso");
        signIn(admin);

        HttpResponse<String> response = http.send(multipart("/customers/" + customer.id() + "/users/import", null,
                "First name,Last name,Display name,Email\r\n".getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from import_batch where customer_id = ?", Integer.class,
                customer.id())).isZero();
    }

    private void signIn(String username) throws Exception {
        String token = csrfToken(body(get("/sign-in")));
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestData.STAFF_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    /** As the browser sends the form: the token field first, then the file. */
    private HttpRequest multipart(String path, String token, byte[] file) {
        String boundary = "----PartnerDeskTest" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 1024);
        if (token != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String csrfToken(String html) {
        Matcher field = CSRF_FIELD.matcher(html);
        assertThat(field.find()).as("the page has a CSRF field").isTrue();
        return field.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
