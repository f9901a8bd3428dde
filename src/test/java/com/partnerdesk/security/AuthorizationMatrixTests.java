package com.partnerdesk.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static com.partnerdesk.security.AuthorizationMatrixTests.Answer.FORBIDDEN;
import static com.partnerdesk.security.AuthorizationMatrixTests.Answer.MY_SIGN_IN;
import static com.partnerdesk.security.AuthorizationMatrixTests.Answer.NOT_FOUND;
import static com.partnerdesk.security.AuthorizationMatrixTests.Answer.OK;
import static com.partnerdesk.security.AuthorizationMatrixTests.Answer.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint the application registers, asked by every kind of visitor, including with another customer's ids.
 * The endpoints come from the handler mapping, so a new endpoint fails this test until its line is added below.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

    /** What a visitor gets: a page or redirect (2xx/3xx), the sign-in page, "not allowed", or "not found". */
    enum Answer {
        OK, SIGN_IN, MY_SIGN_IN, FORBIDDEN, NOT_FOUND
    }

    // @formatter:off
    /** Partner staff pages. A path variable is filled from a fixture (see {@link #fixtureValue}). */
    static final List<Expectation> STAFF_ENDPOINTS = List.of(
        //      method + path pattern                               anonymous  admin  helpdesk   sales
        expect("GET  /",                                            SIGN_IN,   OK,    OK,        OK),
        expect("GET  /sign-in",                                     OK,        OK,    OK,        OK),
        expect("GET  /customers",                                   SIGN_IN,   OK,    OK,        OK),
        expect("GET  /customers/new",                               SIGN_IN,   OK,    FORBIDDEN, FORBIDDEN),
        expect("POST /customers/new",                               SIGN_IN,   OK,    FORBIDDEN, FORBIDDEN),
        expect("GET  /customers/{customerId}",                      SIGN_IN,   OK,    OK,        OK),
        expect("GET  /customers/{customerId}/domains",              SIGN_IN,   OK,    FORBIDDEN, FORBIDDEN),
        expect("POST /customers/{customerId}/domains",              SIGN_IN,   OK,    FORBIDDEN, FORBIDDEN),
        expect("GET  /customers/{customerId}/users",                SIGN_IN,   OK,    OK,        OK),
        expect("GET  /customers/{customerId}/users/count",          SIGN_IN,   OK,    OK,        OK),
        expect("GET  /customers/{customerId}/users/{userId}",       SIGN_IN,   OK,    OK,        OK),
        expect("GET  /customers/{customerId}/activity",             SIGN_IN,   OK,    OK,        OK),
        expect("GET  /customers/{customerId}/users/new",            SIGN_IN,   OK,    FORBIDDEN, FORBIDDEN),
        expect("POST /customers/{customerId}/users/new",            SIGN_IN,   OK,    FORBIDDEN, FORBIDDEN),
        // Posted bare (no ids, no recipients) these two answer 404 like any malformed request; their own tests post real forms.
        expect("POST /customers/{customerId}/users/selection",      SIGN_IN,   NOT_FOUND, NOT_FOUND, FORBIDDEN),
        expect("GET  /customers/{customerId}/users/{userId}/reset-password",  SIGN_IN, OK, OK,   FORBIDDEN),
        expect("POST /customers/{customerId}/users/{userId}/reset-password",  SIGN_IN, OK, OK,   FORBIDDEN),
        // Without a selection there is nobody to reset.
        expect("GET  /customers/{customerId}/users/reset-password", SIGN_IN,   NOT_FOUND, NOT_FOUND, FORBIDDEN),
        expect("POST /customers/{customerId}/users/reset-password", SIGN_IN,   NOT_FOUND, NOT_FOUND, FORBIDDEN),
        expect("GET  /customers/{customerId}/handoffs/{handoffId}",           SIGN_IN, OK, OK,   OK),
        expect("POST /customers/{customerId}/handoffs/{handoffId}/email",     SIGN_IN, NOT_FOUND, NOT_FOUND, FORBIDDEN),
        expect("GET  /customers/{customerId}/handoffs/{handoffId}/download",  SIGN_IN, OK, OK,   OK),
        expect("GET  /customers/{customerId}/subscriptions",        SIGN_IN,   OK,    OK,        OK),
        // Posted bare, the add form comes back with its errors and the seat change with a warning.
        expect("POST /customers/{customerId}/subscriptions",        SIGN_IN,   OK,    FORBIDDEN, FORBIDDEN),
        expect("POST /customers/{customerId}/subscriptions/{subscriptionId}/seats", SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
        expect("GET  /customers/{customerId}/users/{userId}/licenses",  SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
        expect("POST /customers/{customerId}/users/{userId}/licenses",  SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
        // Without a selection there is nothing to manage.
        expect("GET  /customers/{customerId}/users/licenses",       SIGN_IN,   NOT_FOUND, FORBIDDEN, FORBIDDEN),
        expect("POST /customers/{customerId}/users/licenses",       SIGN_IN,   NOT_FOUND, FORBIDDEN, FORBIDDEN),
        expect("GET  /customers/{customerId}/license-changes/{changeId}",   SIGN_IN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
        expect("GET  /customers/{customerId}/users/{userId}/delete",    SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
        expect("POST /customers/{customerId}/users/{userId}/delete",    SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
        // Without a selection there is nothing to delete.
        expect("GET  /customers/{customerId}/users/delete",         SIGN_IN,   NOT_FOUND, FORBIDDEN, FORBIDDEN),
        expect("POST /customers/{customerId}/users/delete",         SIGN_IN,   NOT_FOUND, FORBIDDEN, FORBIDDEN),
        expect("GET  /customers/{customerId}/deleted-users",        SIGN_IN,   OK,    OK,        OK),
        // Posted bare, nothing is selected: back to the tab with a warning.
        expect("POST /customers/{customerId}/deleted-users/restore",  SIGN_IN, OK,    FORBIDDEN, FORBIDDEN),
        // Shown once after a restore; without one it leads back to the tab.
        expect("GET  /customers/{customerId}/deleted-users/restored", SIGN_IN, OK,    OK,        OK),
        // The fixture's user is active: there is nothing to restore under a new username.
        expect("GET  /customers/{customerId}/deleted-users/{userId}/restore-as",  SIGN_IN, NOT_FOUND, FORBIDDEN, FORBIDDEN),
        expect("POST /customers/{customerId}/deleted-users/{userId}/restore-as",  SIGN_IN, NOT_FOUND, FORBIDDEN, FORBIDDEN),
        expect("GET  /customers/{customerId}/users/import",         SIGN_IN,   OK,    FORBIDDEN, FORBIDDEN),
        expect("GET  /customers/{customerId}/users/import/template.csv", SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
        // Posted bare, the upload page comes back asking for a file.
        expect("POST /customers/{customerId}/users/import",         SIGN_IN,   OK,    FORBIDDEN, FORBIDDEN),
        // No import exists in the fixture: its pages are not found.
        expect("GET  /customers/{customerId}/imports/{batchId}",    SIGN_IN,   NOT_FOUND, FORBIDDEN, FORBIDDEN),
        expect("POST /customers/{customerId}/imports/{batchId}",    SIGN_IN,   NOT_FOUND, FORBIDDEN, FORBIDDEN),
        expect("GET  /customers/{customerId}/imports/{batchId}/progress",     SIGN_IN, NOT_FOUND, FORBIDDEN, FORBIDDEN),
        expect("GET  /customers/{customerId}/imports/{batchId}/rejected.csv", SIGN_IN, NOT_FOUND, FORBIDDEN, FORBIDDEN),
        expect("GET  /demo/mailbox",                                SIGN_IN,   OK,    OK,        OK),
        expect("GET  /staff",                                       SIGN_IN,   OK,    FORBIDDEN, FORBIDDEN),
        // No staff member has the fixture's id.
        expect("POST /staff/{staffId}/end-sessions",                SIGN_IN,   NOT_FOUND, FORBIDDEN, FORBIDDEN));

    /** The customer users' own area under /my/** (its own sign-in), declared apart from the staff pages. */
    static final List<Expectation> SELF_SERVICE_ENDPOINTS = List.of(
        //      method + path pattern                               anonymous   admin      helpdesk   sales
        expect("GET  /my/sign-in",                                  OK,         OK,        OK,        OK),
        expect("GET  /my",                                          MY_SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        expect("GET  /my/",                                         MY_SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        expect("GET  /my/account",                                  MY_SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        expect("GET  /my/change-password",                          MY_SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        expect("POST /my/change-password",                          MY_SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN));
    // @formatter:on

    private static final List<StaffRole> ROLES = List.of(StaffRole.ADMIN_AGENT, StaffRole.HELPDESK_AGENT,
            StaffRole.SALES_AGENT);

    /**
     * Ids that open nothing by themselves: a handoff is readable only with the key cookie its creator's browser holds,
     * so another customer's handoff id shows the same "gone" page as a made-up one. Only the customer id is swapped.
     */
    private static final Set<String> KEY_GUARDED = Set.of("handoffId");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    StaffUserDetailsService staffAccounts;

    TestData data;

    final Map<StaffRole, SignedInStaff> staff = new LinkedHashMap<>();

    @BeforeEach
    void createStaff() {
        data = new TestData(jdbc);
        for (StaffRole role : ROLES) {
            staff.put(role, ((StaffAccount) staffAccounts.loadUserByUsername(data.staff(role.name()))).signedIn());
        }
    }

    @Test
    void everyRegisteredEndpointHasItsExpectationsDeclared() {
        Set<String> registered = registeredEndpoints();
        Set<String> declared = new TreeSet<>();
        STAFF_ENDPOINTS.forEach(expectation -> declared.add(expectation.endpoint()));
        SELF_SERVICE_ENDPOINTS.forEach(expectation -> declared.add(expectation.endpoint()));

        assertThat(registered).as("endpoints without a line in AuthorizationMatrixTests (add one)")
            .isSubsetOf(declared);
        assertThat(declared).as("lines in AuthorizationMatrixTests for endpoints that no longer exist")
            .isSubsetOf(registered);
        assertThat(STAFF_ENDPOINTS).as("the /my/** area is declared in SELF_SERVICE_ENDPOINTS")
            .noneMatch(expectation -> expectation.path().startsWith("/my/"));
    }

    @Test
    void aSalesAgentIsRefusedEveryChangeAndAnonymousVisitorsAreSentToSignIn() {
        for (Expectation expectation : STAFF_ENDPOINTS) {
            if (expectation.method() != HttpMethod.GET) {
                assertThat(expectation.answers().get(StaffRole.SALES_AGENT)).as(expectation.endpoint())
                    .isEqualTo(FORBIDDEN);
            }
            if (!expectation.path().endsWith("/sign-in")) {
                assertThat(expectation.anonymous()).as(expectation.endpoint()).isEqualTo(SIGN_IN);
            }
        }
    }

    @Test
    void eachVisitorGetsTheDeclaredAnswerFromEveryEndpoint() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Expectation expectation : allExpectations()) {
            Fixture own = fixture();
            check(wrong, expectation, null, expectation.anonymous(), fill(expectation.path(), own, Map.of()));
            for (StaffRole role : ROLES) {
                check(wrong, expectation, role, expectation.answers().get(role),
                        fill(expectation.path(), fixture(), Map.of()));
            }
        }
        assertThat(wrong).as("answers that differ from the table").isEmpty();
    }

    @Test
    void noCustomerIsReachableThroughAnotherCustomersUrlOrAnUnknownId() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Expectation expectation : allExpectations()) {
            List<String> variables = variablesOf(expectation.path());
            if (!variables.contains("customerId")) {
                continue;
            }
            for (StaffRole role : ROLES) {
                Answer whenAllowed = expectation.answers().get(role) == FORBIDDEN ? FORBIDDEN : NOT_FOUND;
                Fixture own = fixture();
                check(wrong, expectation, role, whenAllowed,
                        fill(expectation.path(), own, Map.of("customerId", UUID.randomUUID().toString())));
                Fixture other = fixture();
                for (String variable : variables) {
                    if (!variable.equals("customerId") && !KEY_GUARDED.contains(variable)) {
                        check(wrong, expectation, role, whenAllowed,
                                fill(expectation.path(), own, Map.of(variable, fixtureValue(variable, other))));
                    }
                }
            }
        }
        assertThat(wrong).as("customer-scoped URLs that answered other than 403/404").isEmpty();
    }

    private void check(List<String> wrong, Expectation expectation, StaffRole role, Answer expected, String path)
            throws Exception {
        MockHttpServletRequestBuilder request = request(expectation.method(), path).with(csrf());
        if (role != null) {
            request.with(user(staff.get(role)));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        Answer actual = answerOf(response);
        if (actual != expected) {
            wrong.add(expectation.method() + " " + path + " as " + (role == null ? "anonymous" : role) + ": expected "
                    + expected + ", got " + response.getStatus() + " " + response.getRedirectedUrl());
        }
    }

    private static Answer answerOf(MockHttpServletResponse response) {
        int status = response.getStatus();
        if (status == 302 && response.getRedirectedUrl() != null && response.getRedirectedUrl().endsWith("/my/sign-in")) {
            return MY_SIGN_IN;
        }
        if (status == 302 && response.getRedirectedUrl() != null && response.getRedirectedUrl().endsWith("/sign-in")) {
            return SIGN_IN;
        }
        if (status == 403) {
            return FORBIDDEN;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        return status >= 200 && status < 400 ? OK : null;
    }

    /** A customer of its own with one user and one subscription, so no request can disturb another's data. */
    private Fixture fixture() {
        TestCustomer customer = data.customer("Matrix");
        return new Fixture(customer.id(), data.user(customer, "Matrix User", "matrix"),
                data.subscription(customer.id(), "O365_BUSINESS_ESSENTIALS", 5), UUID.randomUUID());
    }

    /** The value of a path variable in a fixture. A new kind of id needs a line here (and in {@link Fixture}). */
    private static String fixtureValue(String variable, Fixture fixture) {
        return switch (variable) {
            case "customerId" -> fixture.customerId().toString();
            case "userId" -> fixture.userId().toString();
            case "subscriptionId" -> fixture.subscriptionId().toString();
            // No handoff exists: its page and download answer "gone" without the key cookie only its creator holds.
            case "handoffId" -> fixture.handoffId().toString();
            // No license change exists either: the report of an unknown change is not found.
            case "changeId" -> fixture.handoffId().toString();
            // Nor an import batch.
            case "batchId" -> fixture.handoffId().toString();
            // Nor a staff member.
            case "staffId" -> fixture.handoffId().toString();
            default -> throw new AssertionError("No fixture for the path variable {" + variable
                    + "}: add it to AuthorizationMatrixTests.fixtureValue");
        };
    }

    private static String fill(String pattern, Fixture fixture, Map<String, String> overrides) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            matcher.appendReplacement(path, overrides.getOrDefault(variable, fixtureValue(variable, fixture)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static List<String> variablesOf(String pattern) {
        List<String> variables = new ArrayList<>();
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** "METHOD /path" for each of the application's own handler methods (the framework's /error is not ours). */
    private Set<String> registeredEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("com.partnerdesk")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            assertThat(methods).as("%s declares its HTTP method", entry.getValue()).isNotEmpty();
            for (String path : entry.getKey().getPatternValues()) {
                methods.forEach(method -> endpoints.add(method.name() + " " + path));
            }
        }
        return endpoints;
    }

    private static List<Expectation> allExpectations() {
        List<Expectation> all = new ArrayList<>(STAFF_ENDPOINTS);
        all.addAll(SELF_SERVICE_ENDPOINTS);
        return all;
    }

    private static Expectation expect(String endpoint, Answer anonymous, Answer admin, Answer helpdesk,
            Answer sales) {
        String[] parts = endpoint.trim().split("\\s+");
        return new Expectation(HttpMethod.valueOf(parts[0]), parts[1], anonymous,
                Map.of(StaffRole.ADMIN_AGENT, admin, StaffRole.HELPDESK_AGENT, helpdesk, StaffRole.SALES_AGENT, sales));
    }

    record Expectation(HttpMethod method, String path, Answer anonymous, Map<StaffRole, Answer> answers) {

        String endpoint() {
            return method.name() + " " + path;
        }
    }

    record Fixture(UUID customerId, UUID userId, UUID subscriptionId, UUID handoffId) {
    }
}
