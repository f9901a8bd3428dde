package com.partnerdesk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.CustomerSignIn;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.directory.UserProfile;
import com.partnerdesk.security.PasswordChecks;
import com.partnerdesk.security.SignInDoor;
import com.partnerdesk.security.SignInRefusals;
import com.partnerdesk.security.SignInThrottle;
import com.partnerdesk.security.SignInThrottled;
import com.partnerdesk.security.ThrottledAuthenticationProvider;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.partnerdesk.support.SignIns.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Customer users' sign-in at /my/sign-in is throttled like the staff's, per username and per address, with its own
 * counts, and every sign-in and failed sign-in is in the audit trail of the user's customer.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerUserSignInThrottlingTests {

    private static final String WRONG = "not the password";

    /** Addresses of TEST-NET-3 (203.0.113.0/24 and up), one set per test, never the loopback of other tests. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordChecks passwordChecks;

    @Autowired
    UserCreation creation;

    @Autowired
    CustomerSignIn signIn;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    AuditTrail audit;

    @Autowired
    SignInRefusals refusals;

    TestData data;

    TestCustomer contoso;

    TestCustomer fabrikam;

    CreatedUser adaAtContoso;

    CreatedUser adaAtFabrikam;

    @BeforeEach
    void twoCustomersEachWithAnAda() {
        data = new TestData(jdbc);
        contoso = data.customer("Throttle Contoso");
        fabrikam = data.customer("Throttle Fabrikam");
        adaAtContoso = ada(contoso);
        adaAtFabrikam = ada(fabrikam);
    }

    @Test
    void locksAUsernameAfterFiveWrongPasswordsEvenAgainstTheRightOne() throws Exception {
        String address = freshAddress();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(redirectOf(signIn(adaAtContoso.username(), WRONG, address))).isEqualTo("/my/sign-in?error");
        }
        assertThat(mvc.perform(get("/my/sign-in?error")).andReturn().getResponse().getContentAsString())
            .contains("Wrong username or password.");

        MvcResult refused = signIn(adaAtContoso.username(), adaAtContoso.temporaryPassword(), address);
        MvcResult fromElsewhere = signIn(adaAtContoso.username().toUpperCase(), adaAtContoso.temporaryPassword(),
                freshAddress());

        assertThat(redirectOf(refused)).isEqualTo("/my/sign-in?locked=account&minutes=15");
        assertThat(redirectOf(fromElsewhere)).as("the username is locked wherever it is typed, in any case")
            .isEqualTo("/my/sign-in?locked=account&minutes=15");
        assertThat(signInPage(refused, "en"))
            .contains("Too many failed sign-ins for this account. Try again in 15 minutes.")
            .doesNotContain("Wrong username or password.");
        assertThat(signInPage(refused, "es"))
            .contains("Demasiados intentos fallidos de inicio de sesión para esta cuenta. Vuelva a intentarlo dentro de 15 minutos.");
    }

    @Test
    void everySpellingThatReachesAUserCountsAgainstItsLock() throws Exception {
        CreatedUser kit = creation.create(contoso.id(), new NewUser(new UserProfile("Kit", "Isaacs", "Kit Isaacs",
                "kit.isaacs@" + contoso.domain(), "GB", Set.of()), Set.of()));
        String address = freshAddress();
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(kit.username(), WRONG, address);
        }

        // A capital I with a dot, a Kelvin sign for k, a long s, fullwidth letters, spaces around: each must either
        // miss the user or meet its lock, never reach it with counts of its own.
        String upper = kit.username().toUpperCase(Locale.ROOT);
        List<String> spellings = List.of(kit.username().replace('i', '\u0130'), upper.replace('I', '\u0130'), upper,
                " " + kit.username() + "\t", kit.username() + "\u3000", kit.username().replace('k', '\u212a'),
                upper.replace('K', '\u212a'), kit.username().replace('s', '\u017f'),
                kit.username().replace("kit", "\uff4b\uff49\uff54"));
        for (String spelling : spellings) {
            assertThat(redirectOf(signIn(spelling, kit.temporaryPassword(), freshAddress())))
                .as("signing in as '%s' while its user is locked", spelling)
                .isIn("/my/sign-in?locked=account&minutes=15", "/my/sign-in?error");
        }
        assertThat(redirectOf(signIn(upper.replace('K', '\u212a'), kit.temporaryPassword(), freshAddress())))
            .as("a spelling the user lookup folds to the user's name shares its lock")
            .isEqualTo("/my/sign-in?locked=account&minutes=15");
    }

    @Test
    void locksAnAddressThatFailsAcrossManyUsernames() throws Exception {
        String attacker = freshAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            signIn("guess" + attempt + "@" + contoso.domain(), WRONG, attacker);
        }

        MvcResult fromAttacker = signIn(adaAtContoso.username(), adaAtContoso.temporaryPassword(), attacker);
        MvcResult fromElsewhere = signIn(adaAtContoso.username(), adaAtContoso.temporaryPassword(), freshAddress());

        assertThat(redirectOf(fromAttacker)).isEqualTo("/my/sign-in?locked=address&minutes=15");
        assertThat(signInPage(fromAttacker, "en"))
            .contains("Too many failed sign-ins from your network. Try again in 15 minutes.");
        assertThat(signInPage(fromAttacker, "es"))
            .contains("Demasiados intentos fallidos de inicio de sesión desde su red.");
        assertThat(redirectOf(fromElsewhere)).isEqualTo("/my/account");
    }

    @Test
    void oneCustomersLockedUserLeavesAnotherCustomersUserWithTheSameNameAlone() throws Exception {
        String address = freshAddress();
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(adaAtContoso.username(), WRONG, address);
        }
        assertThat(adaAtFabrikam.username()).startsWith("ada.lovelace@").isNotEqualTo(adaAtContoso.username());

        assertThat(redirectOf(signIn(adaAtContoso.username(), adaAtContoso.temporaryPassword(), address)))
            .isEqualTo("/my/sign-in?locked=account&minutes=15");
        assertThat(redirectOf(signIn(adaAtFabrikam.username(), adaAtFabrikam.temporaryPassword(), address)))
            .isEqualTo("/my/account");
    }

    @Test
    void aLockEndsAfterFifteenMinutesByTheClock() {
        MovableClock clock = new MovableClock(Instant.now());
        ThrottledAuthenticationProvider door = new ThrottledAuthenticationProvider(SignInDoor.CUSTOMER_USERS,
                new CustomerUserAuthentication(signIn), passwordChecks, PortalSecurityConfiguration.customerUsers(signIn),
                throttle, audit, refusals, clock);
        String address = freshAddress();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatExceptionOfType(BadCredentialsException.class)
                .isThrownBy(() -> door.authenticate(attempt(adaAtContoso.username(), WRONG, address)));
            clock.move(Duration.ofSeconds(1));
        }

        clock.move(Duration.ofMinutes(14));
        assertThatExceptionOfType(SignInThrottled.class)
            .isThrownBy(() -> door.authenticate(attempt(adaAtContoso.username(), adaAtContoso.temporaryPassword(),
                    address)))
            .satisfies(lock -> assertThat(lock.getMinutesLeft()).isEqualTo(1));

        clock.move(Duration.ofMinutes(1));
        Authentication signedIn = door.authenticate(attempt(adaAtContoso.username(), adaAtContoso.temporaryPassword(),
                address));
        assertThat(signedIn.getPrincipal()).isInstanceOfSatisfying(SignedInCustomerUser.class,
                user -> assertThat(user.userId()).isEqualTo(adaAtContoso.id()));
    }

    @Test
    void failuresAtTheCustomerUsersDoorNeverLockAStaffMember() throws Exception {
        String sales = data.staff("SALES_AGENT");
        String address = freshAddress();
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(sales, WRONG, address);
        }

        assertThat(redirectOf(signIn(sales, TestData.STAFF_PASSWORD, address)))
            .isEqualTo("/my/sign-in?locked=account&minutes=15");
        assertThat(redirectOf(mvc.perform(post("/sign-in").param("username", sales)
            .param("password", TestData.STAFF_PASSWORD).with(csrf()).with(from(address))).andReturn()))
            .isEqualTo("/");
    }

    @Test
    void recordsSignInsAndFailedSignInsInTheCustomersActivityWithoutThePassword() throws Exception {
        String address = freshAddress();
        String unknown = "nobody@" + contoso.domain();

        signIn(adaAtContoso.username(), "typed-secret-" + address, address);
        signIn(adaAtContoso.username(), adaAtContoso.temporaryPassword(), address);
        signIn(unknown, "typed-secret-" + address, address);

        assertThat(jdbc.queryForList("""
                select action || '|' || outcome || '|' || actor || '|' || target || '|' || details
                from audit_entry where customer_id = ? and action like 'user.sign%' order by id
                """, String.class, contoso.id())).containsExactly(
                "user.sign-in-failed|FAILURE|" + adaAtContoso.username() + "|" + adaAtContoso.username()
                        + "|address=" + address,
                "user.signed-in|SUCCESS|" + adaAtContoso.username() + "|" + adaAtContoso.username()
                        + "|address=" + address);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = ?", Long.class, unknown))
            .as("a username of no account leaves no audit entry").isZero();
        assertThat(jdbc.queryForList("""
                select reason || '|' || account || '|' || coalesce(cast(customer_id as text), '-')
                from sign_in_refusal where door = 'CUSTOMER_USERS' and last_address = ?
                """, String.class, address))
            .as("it is counted with its address range, without the username").containsExactly("UNKNOWN_USERNAME||-");
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where details like ? or target like ? or actor like ?", Long.class,
                "%typed-secret%", "%typed-secret%", "%typed-secret%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sign_in_refusal where account like ? or account like ?",
                Long.class, "%typed-secret%", "%nobody%")).isZero();
        assertThat(mvc.perform(get("/customers/{c}/activity", contoso.id()).with(user("admin").roles("ADMIN_AGENT")))
            .andReturn().getResponse().getContentAsString()).contains("User signed in", "User sign-in failed");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where customer_id = ? and action like 'user.sign%'",
                Long.class, fabrikam.id())).isZero();
    }

    @Test
    void countsRefusalsDuringALockAndExpiredTemporaryPasswordsAndShowsThemOnTheActivityTab() throws Exception {
        String address = freshAddress();
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(adaAtFabrikam.username(), WRONG, address);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            signIn(adaAtFabrikam.username(), adaAtFabrikam.temporaryPassword(), address);
        }
        jdbc.update("update customer_user set password_expires_at = now() - interval '1 minute' where id = ?",
                adaAtContoso.id());
        String elsewhere = freshAddress();

        assertThat(redirectOf(signIn(adaAtContoso.username(), adaAtContoso.temporaryPassword(), elsewhere)))
            .isEqualTo("/my/sign-in?expired");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = ?"
                + " and action in ('user.sign-in-throttled', 'user.sign-in-failed')", Long.class,
                adaAtFabrikam.username()))
            .as("each wrong password of the account, and no entry per refusal during the lock").isEqualTo(5);
        assertThat(refusalsOf(fabrikam)).containsExactly("ACCOUNT_LOCKED|" + adaAtFabrikam.username() + "|3|"
                + address);
        assertThat(refusalsOf(contoso)).containsExactly("NOT_ACCEPTED|" + adaAtContoso.username() + "|1|"
                + elsewhere);
        String range = address.substring(0, address.lastIndexOf('.')) + ".0/24";
        assertThat(activity(fabrikam, "en")).contains("Refused sign-ins",
                "3 refused sign-ins for &#39;" + adaAtFabrikam.username() + "&#39; from " + range + " between ",
                "(too many failures for the account; the last from " + address + ")");
        assertThat(activity(fabrikam, "es")).contains("Inicios de sesión rechazados",
                "3 inicios de sesión rechazados para &#39;" + adaAtFabrikam.username() + "&#39; desde " + range
                        + " entre ",
                "(demasiados intentos fallidos para la cuenta; el último desde " + address + ")");
        assertThat(activity(contoso, "en")).contains("1 refused sign-in for &#39;" + adaAtContoso.username(),
                "password not accepted, such as an expired temporary password")
            .doesNotContain(adaAtFabrikam.username());
    }

    private List<String> refusalsOf(TestCustomer customer) {
        return jdbc.queryForList("""
                select reason || '|' || account || '|' || attempts || '|' || last_address from sign_in_refusal
                where door = 'CUSTOMER_USERS' and customer_id = ? order by reason
                """, String.class, customer.id());
    }

    private String activity(TestCustomer customer, String language) throws Exception {
        return mvc.perform(get("/customers/{c}/activity", customer.id()).header("Accept-Language", language)
            .with(user("admin").roles("ADMIN_AGENT"))).andReturn().getResponse().getContentAsString();
    }

    private CreatedUser ada(TestCustomer customer) {
        return creation.create(customer.id(), new NewUser(new UserProfile("Ada", "Lovelace", "Ada Lovelace",
                "ada.lovelace@" + customer.domain(), "GB", Set.of()), Set.of()));
    }

    private MvcResult signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/my/sign-in").param("username", username).param("password", password)
            .with(csrf())
            .with(from(address))).andReturn();
    }

    private String signInPage(MvcResult refused, String language) throws Exception {
        return mvc.perform(get(refused.getResponse().getRedirectedUrl()).header("Accept-Language", language))
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private static Authentication attempt(String username, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }

    private static String redirectOf(MvcResult result) {
        return result.getResponse().getRedirectedUrl();
    }

    private static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
    }

    /** A clock the test moves forward by hand. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
