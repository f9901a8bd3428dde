package com.partnerdesk.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
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
import com.partnerdesk.security.AuthorizationMatrixTests.Expectation;
import com.partnerdesk.support.HttpVisitor;
import com.partnerdesk.support.HttpVisitor.Response;
import com.partnerdesk.support.ResponseProtections;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the application, fetched over HTTP from the running server the way a browser fetches it — staff pages,
 * the customer users' pages, sign-in and sign-out, error pages, handoffs and downloads, in English and Spanish — and
 * every response judged by {@link ResponseProtections}: security headers, a CSRF token in every POST form, and cookies
 * that are HttpOnly and SameSite. The pages come from {@link AuthorizationMatrixTests}' list of every endpoint, so a
 * new page is walked as soon as it is declared there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResponseProtectionsOverHttpTests {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** Pages that need a selection of users, and the action that makes one. */
    private static final Map<String, String> SELECTION_ACTIONS = Map.of(
            "/customers/{customerId}/users/reset-password", "reset-password",
            "/customers/{customerId}/users/licenses", "licenses", "/customers/{customerId}/users/delete", "delete");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserCreation creation;

    @ParameterizedTest
    @ValueSource(strings = { "en", "es" })
    void everyResponseCarriesItsProtections(String language) throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Walked Contoso");
        UUID subscription = data.subscription(customer.id(), "SPE_E3", 10);
        UUID user = data.user(customer, "Walter Walked", "walter");
        UUID deleted = data.user(customer, "Dora Deleted", "dora");
        jdbc.update("update customer_user set deleted_at = now(), deleted_by = 'admin' where id = ?", deleted);
        CreatedUser customerUser = creation.create(customer.id(), new NewUser(new UserProfile("Ada", "Portal",
                "Ada Portal", "ada.portal@" + customer.domain(), "ES", Set.of()), Set.of()));
        List<HttpVisitor> visitors = new ArrayList<>();

        HttpVisitor anonymous = visit(visitors, language);
        anonymous.get("/sign-in");
        anonymous.get("/my/sign-in");
        anonymous.get("/");
        anonymous.get("/customers/" + customer.id() + "/users");
        anonymous.get("/my/account");
        anonymous.get("/no-such-page");
        anonymous.get("/sign-in?lang=" + language);
        Map<String, String> wrongPassword = anonymous.get("/sign-in").csrfField();
        wrongPassword.put("username", "nobody-" + UUID.randomUUID());
        wrongPassword.put("password", "wrong password");
        anonymous.follow(anonymous.post("/sign-in", wrongPassword));

        HttpVisitor admin = visit(visitors, language).signIn("/sign-in", data.staff("ADMIN_AGENT"),
                TestData.STAFF_PASSWORD);
        Map<String, String> ids = new HashMap<>(Map.of("customerId", customer.id().toString(), "userId",
                user.toString(), "subscriptionId", subscription.toString()));
        Response usersPage = admin.get("/customers/" + customer.id() + "/users");
        Response handoff = admin.post("/customers/" + customer.id() + "/users/" + user + "/reset-password",
                usersPage.csrfField());
        ids.put("handoffId", lastSegment(handoff.header("Location")));
        admin.follow(handoff);
        Map<String, String> licenses = usersPage.csrfField();
        licenses.put("licenses[" + subscription + "]", "ASSIGN");
        Response licensesSaved = admin.post("/customers/" + customer.id() + "/users/" + user + "/licenses", licenses);
        ids.put("changeId", lastSegment(licensesSaved.header("Location")));
        Response uploaded = admin.postFile("/customers/" + customer.id() + "/users/import", "file", "users.csv",
                "First name,Last name,Display name,Email\r\nLuis,Gil,Luis Gil,luis@" + customer.domain()
                        + "\r\nBad,Row,Bad Row,bad@elsewhere.example\r\n",
                HttpVisitor.csrfToken(admin.get("/customers/" + customer.id() + "/users/import")));
        ids.put("batchId", lastSegment(uploaded.header("Location")));

        List<String> walked = new ArrayList<>();
        for (Expectation page : pages()) {
            Map<String, String> values = new HashMap<>(ids);
            if (page.path().contains("/deleted-users/{userId}")) {
                values.put("userId", deleted.toString());
            }
            String path = fill(page.path(), values);
            if (SELECTION_ACTIONS.containsKey(page.path())) {
                Map<String, String> selection = usersPage.csrfField();
                selection.put("action", SELECTION_ACTIONS.get(page.path()));
                selection.put("userId", user.toString());
                Response selected = admin.post("/customers/" + customer.id() + "/users/selection", selection);
                path = URI.create(selected.header("Location")).getRawPath() + "?"
                        + URI.create(selected.header("Location")).getRawQuery();
            }
            Response response = page.path().startsWith("/my") ? anonymous.get(path) : admin.get(path);
            walked.add(response.toString());
        }
        admin.get("/customers/" + UUID.randomUUID() + "/users");
        admin.get("/customers/" + customer.id() + "/users/" + UUID.randomUUID());
        admin.get("/customers/" + customer.id() + "/users?lang=" + language);
        admin.post("/sign-out", admin.get("/").csrfField());

        HttpVisitor helpdesk = visit(visitors, language).signIn("/sign-in", data.staff("HELPDESK_AGENT"),
                TestData.STAFF_PASSWORD);
        helpdesk.get("/customers/new");
        helpdesk.get("/customers/" + customer.id() + "/users/" + user + "/licenses");
        helpdesk.get("/my/account");

        HttpVisitor portal = visit(visitors, language).signIn("/my/sign-in", customerUser.username(),
                customerUser.temporaryPassword());
        Map<String, String> newPassword = portal.get("/my/change-password").csrfField();
        newPassword.put("newPassword", "a long passphrase of my own");
        newPassword.put("confirmation", "a long passphrase of my own");
        portal.follow(portal.post("/my/change-password", newPassword));
        portal.get("/my");
        portal.get("/my/");
        portal.get("/customers");
        portal.follow(portal.post("/my/sign-out", portal.get("/my/account").csrfField()));

        List<Response> responses = visitors.stream().flatMap(visitor -> visitor.responses().stream()).toList();
        List<String> problems = new ArrayList<>();
        responses.forEach(response -> problems.addAll(ResponseProtections.problemsOf(response, false)));

        assertThat(problems).as("responses without their protections").isEmpty();
        assertThat(walked).as("pages walked").hasSize(pages().size());
        assertThat(responses).as("server errors").noneMatch(response -> response.status() >= 500);
        assertThat(responses).as("the walk reached real pages, not only sign-in redirects")
            .filteredOn(response -> response.status() == 200 && response.isHtml())
            .hasSizeGreaterThan(pages().size());
        assertThat(responses).as("error pages and file downloads were among them")
            .extracting(Response::status)
            .contains(403, 404);
        assertThat(responses).filteredOn(response -> !response.isHtml() && response.status() == 200)
            .extracting(response -> response.uri().getPath())
            .anyMatch(path -> path.endsWith("/download"))
            .anyMatch(path -> path.endsWith("/template.csv"))
            .anyMatch(path -> path.endsWith("/rejected.csv"));
        assertThat(responses).as("cookies were set and judged")
            .flatExtracting(response -> response.headers("Set-Cookie"))
            .anyMatch(cookie -> cookie.startsWith("PARTNERDESK_SESSION="))
            .anyMatch(cookie -> cookie.startsWith("PD-HANDOFF-"))
            .anyMatch(cookie -> cookie.startsWith("partnerdesk-lang="));
    }

    /** Every page a browser opens: the GET endpoints of the staff and customer users' areas. */
    private static List<Expectation> pages() {
        List<Expectation> pages = new ArrayList<>(AuthorizationMatrixTests.STAFF_ENDPOINTS);
        pages.addAll(AuthorizationMatrixTests.SELF_SERVICE_ENDPOINTS);
        return pages.stream().filter(expectation -> expectation.method() == HttpMethod.GET).toList();
    }

    private HttpVisitor visit(List<HttpVisitor> visitors, String language) {
        HttpVisitor visitor = HttpVisitor.at(port, language);
        visitors.add(visitor);
        return visitor;
    }

    private static String fill(String pattern, Map<String, String> values) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            assertThat(value).as("a value for {%s} in %s: add one to this walk", matcher.group(1), pattern)
                .isNotNull();
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String lastSegment(String location) {
        assertThat(location).as("a redirect to the page made").isNotNull();
        String path = URI.create(location).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
