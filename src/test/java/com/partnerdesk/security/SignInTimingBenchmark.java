package com.partnerdesk.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.directory.UserProfile;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time of a sign-in's answer over real HTTP, per path, at both doors: the median of each run and, over the runs,
 * the median and the spread of those medians. Only the POST of the form is timed. Every path is expected to cost the
 * same (one bcrypt check; see SignInWorkTests), so the medians should agree within the spread. Results:
 * docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "partnerdesk.sign-in.max-failures-per-address=1000000")
class SignInTimingBenchmark {

    static final int RUNS = Integer.getInteger("benchmark.runs", 5);

    static final int ATTEMPTS = Integer.getInteger("benchmark.attempts", 20);

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final Pattern CSRF_COOKIE = Pattern.compile("partnerdesk-csrf=([^;]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserCreation creation;

    @Autowired
    PasswordEncoder encoder;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** One way a sign-in can go: its door, what is typed, what comes back, and what must be undone afterwards. */
    record Path(String name, String door, java.util.function.Supplier<String> username, String password,
            String expectedRedirect, Runnable after) {
    }

    @Test
    void everySignInPathAnswersInTheSameTime() throws Exception {
        TestData data = new TestData(jdbc);
        String staff = data.staff("HELPDESK_AGENT");
        String lockedStaff = data.staff("HELPDESK_AGENT");
        TestCustomer customer = data.customer("Sign In Timing");
        CreatedUser fresh = createUser(customer, "fresh");
        CreatedUser settled = createUser(customer, "settled");
        String own = "a long passphrase of my own";
        jdbc.update("update customer_user set password_hash = ?, password_temporary = false, "
                + "password_expires_at = null where id = ?", encoder.encode(own), settled.id());
        CreatedUser lockedUser = createUser(customer, "locked");

        List<Path> paths = List.of(
                new Path("staff: unknown username", "/sign-in", () -> "nobody-" + UUID.randomUUID(), "anything",
                        "/sign-in?error", () -> { }),
                new Path("staff: own password, wrong", "/sign-in", () -> staff, "wrong", "/sign-in?error",
                        () -> signIn("/sign-in", staff, TestData.STAFF_PASSWORD)),
                new Path("staff: own password, right", "/sign-in", () -> staff, TestData.STAFF_PASSWORD, "/",
                        () -> { }),
                new Path("staff: locked account", "/sign-in", () -> lockedStaff, TestData.STAFF_PASSWORD,
                        "/sign-in?locked=account", () -> { }),
                new Path("customer user: unknown username", "/my/sign-in",
                        () -> "nobody-" + UUID.randomUUID() + "@" + customer.domain(), "anything", "/my/sign-in?error",
                        () -> { }),
                new Path("customer user: temporary password, wrong", "/my/sign-in", fresh::username, "wrong",
                        "/my/sign-in?error", () -> signIn("/my/sign-in", fresh.username(), fresh.temporaryPassword())),
                new Path("customer user: temporary password, right", "/my/sign-in", fresh::username,
                        fresh.temporaryPassword(), "/my/account", () -> { }),
                new Path("customer user: own password, wrong", "/my/sign-in", settled::username, "wrong",
                        "/my/sign-in?error", () -> signIn("/my/sign-in", settled.username(), own)),
                new Path("customer user: own password, right", "/my/sign-in", settled::username, own, "/my/account",
                        () -> { }),
                new Path("customer user: locked account", "/my/sign-in", lockedUser::username,
                        lockedUser.temporaryPassword(), "/my/sign-in?locked=account", () -> { }));

        Map<String, List<Double>> medians = new LinkedHashMap<>();
        paths.forEach(path -> medians.put(path.name(), new ArrayList<>()));
        for (int run = -1; run < RUNS; run++) {
            for (int i = 0; i < 6; i++) {
                signIn("/sign-in", lockedStaff, "wrong");
                signIn("/my/sign-in", lockedUser.username(), "wrong");
            }
            Map<String, List<Long>> times = new LinkedHashMap<>();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                for (Path path : paths) {
                    times.computeIfAbsent(path.name(), name -> new ArrayList<>()).add(timed(path));
                    path.after().run();
                }
            }
            if (run >= 0) {
                times.forEach((name, nanos) -> medians.get(name).add(median(nanos) / 1e6));
            }
        }

        System.out.println("\nSign-in answer time over HTTP (" + RUNS + " runs of " + ATTEMPTS
                + " attempts per path; median ms per run, then their median and spread)");
        medians.forEach((name, perRun) -> {
            List<Double> sorted = perRun.stream().sorted().toList();
            System.out.printf("| %-44s | %s | %.1f | %.1f–%.1f |%n", name,
                    perRun.stream().map(ms -> String.format("%.1f", ms)).toList(), sorted.get(sorted.size() / 2),
                    sorted.get(0), sorted.get(sorted.size() - 1));
        });
    }

    private CreatedUser createUser(TestCustomer customer, String localPart) {
        return creation.create(customer.id(), new NewUser(new UserProfile("Timing", localPart, "Timing " + localPart,
                localPart + "@" + customer.domain(), "GB", Set.of()), Set.of()));
    }

    private long timed(Path path) {
        Form form = form(path.door());
        long started = System.nanoTime();
        HttpResponse<String> answer = post(path.door(), form, path.username().get(), path.password());
        long took = System.nanoTime() - started;
        String location = answer.headers().firstValue("Location").orElse("");
        assertThat(answered(location, path.expectedRedirect())).as(path.name() + " went to " + location).isTrue();
        return took;
    }

    /** {@code "/"} stands for any page but a sign-in page: where a successful sign-in is sent. */
    private static boolean answered(String location, String expected) {
        return expected.equals("/") ? !location.isEmpty() && !location.contains("sign-in")
                : location.contains(expected);
    }

    private void signIn(String door, String username, String password) {
        post(door, form(door), username, password);
    }

    record Form(String csrfCookie, String csrf) {
    }

    private Form form(String door) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url(door)).GET().build());
        Matcher token = CSRF_FIELD.matcher(page.body());
        assertThat(token.find()).as("CSRF field on %s", door).isTrue();
        String csrfCookie = page.headers().allValues("Set-Cookie").stream().map(CSRF_COOKIE::matcher)
            .filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst().orElseThrow();
        return new Form(csrfCookie, token.group(1));
    }

    private HttpResponse<String> post(String door, Form form, String username, String password) {
        return send(HttpRequest.newBuilder(url(door))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "partnerdesk-csrf=" + form.csrfCookie())
            .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                    + encode(password) + "&_csrf=" + encode(form.csrf())))
            .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
