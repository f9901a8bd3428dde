package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged application, killed with SIGKILL while an import is creating, on a PostgreSQL that outlives it: once
 * started again (with a short lease) the import is back at its preview, retryable without uploading the file again,
 * nothing of the killed creation exists, and Create then creates every row exactly once.
 * The creation is held just before its end (at its first write to {@code password_handoff}, after every user and
 * license is written) by a table lock the test holds, so the kill always lands in the middle of a creation.
 */
class ImportSurvivesKilledServerIT {

    private static final int USERS = 3_000;

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @TempDir
    Path directory;

    @Test
    void anImportKilledWhileCreatingIsRetryableAfterARestartAndCreatesEveryRowOnce() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            String url = database.getJdbcUrl("postgres", "postgres");
            JdbcTemplate jdbc = new JdbcTemplate(database.getPostgresDatabase());
            // The first start migrates the database; the test's data goes in after it.
            Application first = Application.start(url, directory.resolve("first.log"));
            TestData data = new TestData(jdbc);
            TestCustomer customer = data.customer("Killed Contoso");
            UUID e3 = data.subscription(customer.id(), "SPE_E3", USERS);
            String staff = data.staff("ADMIN_AGENT");
            Path file = CsvFileGenerator.writePartnerCenterFile(directory.resolve("users.csv"), USERS,
                    customer.domain());

            String importPage;
            try {
                Browser browser = first.signIn(staff);
                importPage = browser.upload("/customers/" + customer.id() + "/users/import", file);
                assertThat(importPage).startsWith("/customers/" + customer.id() + "/imports/");
                await().atMost(PATIENCE).until(() -> browser.get(importPage + "/progress").contains("\"READY\""));
                assertThat(browser.get(importPage)).contains("Create 3,000 users");

                try (Connection held = database.getPostgresDatabase().getConnection()) {
                    held.setAutoCommit(false);
                    try (Statement statement = held.createStatement()) {
                        statement.execute("lock table password_handoff in share mode");
                    }
                    String created = browser.post(importPage, Map.of("license", e3.toString(), "usageLocation", "ES",
                            "create", "true"));
                    assertThat(created).as("back to the running import").isEqualTo(importPage);
                    // Every user is written (uncommitted) and the heartbeat has said so; the handoff waits for the lock.
                    await().atMost(PATIENCE).until(() -> jdbc.queryForObject("""
                            select status = 'CREATING' and rows_created = valid_count from import_batch where id = ?
                            """, Boolean.class, batchId(importPage)));
                    first.kill();
                    held.rollback();
                }
            }
            finally {
                first.kill();
            }
            assertThat(jdbc.queryForObject("select status from import_batch where id = ?", String.class,
                    batchId(importPage))).as("nobody has looked at it since").isEqualTo("CREATING");

            Application second = Application.start(url, directory.resolve("second.log"));
            try {
                Browser browser = second.signIn(staff);
                await().atMost(PATIENCE).until(() -> browser.get(importPage + "/progress").contains("\"READY\""));
                assertThat(usersOf(jdbc, customer)).as("the killed creation left nothing").isZero();
                assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class,
                        e3)).isZero();
                assertThat(browser.get(importPage)).contains(
                        "The server creating these users stopped; nothing was created. Press Create to try again.",
                        "Create 3,000 users");

                browser.post(importPage, Map.of("license", e3.toString(), "usageLocation", "ES", "create", "true"));
                await().atMost(PATIENCE).until(() -> browser.get(importPage + "/progress").contains("\"CREATED\""));
            }
            finally {
                second.stop();
            }
            assertThat(usersOf(jdbc, customer)).isEqualTo(USERS);
            assertThat(jdbc.queryForObject("select count(distinct lower(username)) from customer_user where customer_id = ?",
                    Integer.class, customer.id())).isEqualTo(USERS);
            assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, e3))
                    .isEqualTo(USERS);
            assertThat(jdbc.queryForList("""
                    select outcome || ' ' || details from audit_entry
                    where customer_id = ? and action = 'users.imported' order by occurred_at
                    """, String.class, customer.id())).containsExactly(
                    "FAILURE created=0, valid=3000, reason=import.create.interrupted",
                    "SUCCESS created=3000, rejected=0, warnings=0, skipped=0, licensesForFile=1");
        }
    }

    private static UUID batchId(String importPage) {
        return UUID.fromString(importPage.substring(importPage.lastIndexOf('/') + 1));
    }

    private static int usersOf(JdbcTemplate jdbc, TestCustomer customer) {
        return jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Integer.class,
                customer.id());
    }

    /** The packaged jar in a process of its own, with a lease of a few seconds. */
    private record Application(Process process, int port) {

        static Application start(String databaseUrl, Path log) throws Exception {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar(),
                    "--server.port=" + port, "--management.server.port=" + freePort(),
                    "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres", "--partnerdesk.import.lease=3s",
                    "--partnerdesk.import.heartbeat-every=1s", "--spring.main.banner-mode=off"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            Application application = new Application(process, port);
            HttpClient client = HttpClient.newHttpClient();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(process.isAlive()).as("started; see %s", log).isTrue();
                try {
                    return client.send(HttpRequest.newBuilder(application.uri("/sign-in")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                }
                catch (IOException notYet) {
                    return false;
                }
            });
            return application;
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        Browser signIn(String username) throws Exception {
            Browser browser = new Browser(this);
            String token = browser.csrf("/sign-in");
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(form(Map.of("username", username, "password", TestData.STAFF_PASSWORD, "_csrf", token)))
                    .build());
            assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).doesNotContain("sign-in"));
            return browser;
        }

        /** SIGKILL: no shutdown hook, no graceful stop, no rollback sent by the application. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }

        private static String jar() throws IOException {
            try (var jars = Files.list(Path.of("target"))) {
                return jars.filter(path -> path.getFileName().toString().matches("partnerdesk-.*\\.jar"))
                        .filter(path -> !path.getFileName().toString().endsWith("-plain.jar"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("package the application first"))
                        .toAbsolutePath().toString();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    /** A signed-in staff member: the session cookie, and the CSRF token of the last page read. */
    private record Browser(Application application, HttpClient client) {

        Browser(Application application) {
            this(application, HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build());
        }

        HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = send(HttpRequest.newBuilder(application.uri(path)).build());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return response.body();
        }

        String csrf(String path) throws IOException, InterruptedException {
            Matcher token = CSRF.matcher(get(path));
            assertThat(token.find()).as("a form on %s", path).isTrue();
            return token.group(1);
        }

        /** Posts the page's own form fields and answers where it redirects. */
        String post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            Map<String, String> all = new java.util.HashMap<>(fields);
            all.put("_csrf", csrf(path));
            HttpResponse<String> response = send(HttpRequest.newBuilder(application.uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(form(all)).build());
            assertThat(response.statusCode()).as("POST %s", path).isEqualTo(302);
            return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
        }

        String upload(String path, Path file) throws IOException, InterruptedException {
            String token = csrf(path);
            String boundary = "----partnerdesk" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"users.csv\""
                    + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = send(HttpRequest.newBuilder(application.uri(path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-CSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .build());
            assertThat(response.statusCode()).as("POST %s", path).isEqualTo(302);
            return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
        }
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
