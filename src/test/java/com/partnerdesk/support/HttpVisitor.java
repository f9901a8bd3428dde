package com.partnerdesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without a browser: a real HTTP client with its own cookie jar against the running application, which keeps
 * every response it received so that a test can judge them all afterwards. Redirects are not followed by themselves, so
 * that the redirect responses are judged too; {@link #follow} follows them.
 */
public final class HttpVisitor {

    private static final Pattern CSRF_INPUT = Pattern
        .compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]{1,200})\"");

    private final HttpClient client;

    private final String baseUrl;

    private final String language;

    private final List<Response> responses = new ArrayList<>();

    private HttpVisitor(String baseUrl, String language) {
        CookieManager cookies = new CookieManager();
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
        this.baseUrl = baseUrl;
        this.language = language;
    }

    /** A visitor of the application on {@code localhost:port} whose browser asks for pages in {@code language}. */
    public static HttpVisitor at(int port, String language) {
        return new HttpVisitor("http://localhost:" + port, language);
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, request(path).GET());
    }

    /** Posts a form with the given fields, as a browser would post it; add {@code _csrf} for a form of the page. */
    public Response post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet()
            .stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
        return send("POST", path, request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts one file as {@code multipart/form-data}, with the CSRF token as a form field. */
    public Response postFile(String path, String field, String fileName, String content, String csrfToken)
            throws IOException, InterruptedException {
        String boundary = "----visitor" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send("POST", path, request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows the redirects of {@code response}, if any, to the page they end at. */
    public Response follow(Response response) throws IOException, InterruptedException {
        Response current = response;
        for (int hop = 0; hop < 5 && current.isRedirect(); hop++) {
            URI next = current.uri().resolve(current.header("Location"));
            current = get(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
        }
        return current;
    }

    /** Signs in through the sign-in form at {@code signInPath} (staff: /sign-in, customer users: /my/sign-in). */
    public HttpVisitor signIn(String signInPath, String username, String password)
            throws IOException, InterruptedException {
        Response form = get(signInPath);
        Response signedIn = post(signInPath,
                Map.of("username", username, "password", password, "_csrf", csrfToken(form)));
        assertThat(signedIn.status()).as("sign-in of %s", username).isEqualTo(302);
        assertThat(signedIn.header("Location")).as("sign-in of %s", username).doesNotContain("error", "sign-in");
        return this;
    }

    /** The CSRF token of the first form on {@code page}. */
    public static String csrfToken(Response page) {
        Matcher token = CSRF_INPUT.matcher(page.body());
        assertThat(token.find()).as("a CSRF token on %s", page.uri()).isTrue();
        return token.group(1);
    }

    /** Every response this visitor received, in order. */
    public List<Response> responses() {
        return List.copyOf(responses);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept-Language", language)
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    private Response send(String method, String path, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Response received = new Response(method, response.uri(), response.statusCode(), response.headers(),
                new String(response.body(), StandardCharsets.UTF_8));
        responses.add(received);
        return received;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One response as the client received it. */
    public record Response(String method, URI uri, int status, HttpHeaders headers, String body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return headers.allValues(name);
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400 && header("Location") != null;
        }

        public boolean isHtml() {
            String type = header("Content-Type");
            return type != null && type.startsWith("text/html");
        }

        /** A new form holding this page's CSRF token, to which a test adds the fields it posts. */
        public Map<String, String> csrfField() {
            Map<String, String> field = new LinkedHashMap<>();
            field.put("_csrf", csrfToken(this));
            return field;
        }

        @Override
        public String toString() {
            return method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " → "
                    + status;
        }
    }
}
