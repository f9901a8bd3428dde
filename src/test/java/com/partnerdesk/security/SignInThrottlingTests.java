package com.partnerdesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.partnerdesk.support.SignIns.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@SpringBootTest
@AutoConfigureMockMvc
class SignInThrottlingTests {

    private static final String WRONG = "not the password";

    /** Each test signs in from addresses of its own, out of the range real clients and other tests use. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignInThrottle throttle;

    @Test
    void locksAnAccountAfterFiveWrongPasswordsEvenAgainstTheRightOne() throws Exception {
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        String address = freshAddress();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(redirectOf(signIn(mvc, admin, WRONG, address))).isEqualTo("/sign-in?error");
        }

        MvcResult refused = signIn(mvc, admin, TestData.STAFF_PASSWORD, address);

        assertThat(redirectOf(refused)).isEqualTo("/sign-in?locked=account&minutes=15");
        assertThat(signInPage(refused, "en"))
            .contains("Too many failed sign-ins for this account. Try again in 15 minutes.");
        assertThat(signInPage(signIn(mvc, admin, TestData.STAFF_PASSWORD, freshAddress()), "es"))
            .contains("Demasiados intentos fallidos de inicio de sesión para esta cuenta. Vuelva a intentarlo dentro de 15 minutos.");
    }

    @Test
    void aWrongPasswordSaysOnlyThatUsernameOrPasswordIsWrong() throws Exception {
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");

        MvcResult failed = signIn(mvc, admin, WRONG, freshAddress());

        assertThat(signInPage(failed, "en")).contains("Wrong username or password.")
            .doesNotContain("Too many");
    }

    @Test
    void locksUnknownUsernamesLikeRealOnesSoLocksRevealNoAccounts() throws Exception {
        String address = freshAddress();
        String nobody = "nobody-" + ADDRESSES.incrementAndGet();
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(mvc, nobody, WRONG, address);
        }

        assertThat(signInPage(signIn(mvc, nobody, WRONG, address), "en"))
            .contains("Too many failed sign-ins for this account.");
    }

    @Test
    void blocksAnAddressThatFailsAcrossManyAccounts() throws Exception {
        TestData data = new TestData(jdbc);
        String attacker = freshAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            signIn(mvc, "guess-" + attempt + "-" + ADDRESSES.incrementAndGet(), WRONG, attacker);
        }
        String helpdesk = data.staff("HELPDESK_AGENT");

        MvcResult fromAttacker = signIn(mvc, helpdesk, TestData.STAFF_PASSWORD, attacker);
        MvcResult fromElsewhere = signIn(mvc, helpdesk, TestData.STAFF_PASSWORD, freshAddress());

        assertThat(redirectOf(fromAttacker)).isEqualTo("/sign-in?locked=address&minutes=15");
        assertThat(signInPage(fromAttacker, "en"))
            .contains("Too many failed sign-ins from your network. Try again in 15 minutes.");
        assertThat(signInPage(fromAttacker, "es"))
            .contains("Demasiados intentos fallidos de inicio de sesión desde su red.");
        assertThat(redirectOf(fromElsewhere)).isEqualTo("/");
    }

    @Test
    void aCorrectPasswordClearsTheAccountsEarlierFailures() throws Exception {
        String sales = new TestData(jdbc).staff("SALES_AGENT");
        String address = freshAddress();
        for (int attempt = 0; attempt < 4; attempt++) {
            signIn(mvc, sales, WRONG, address);
        }
        assertThat(redirectOf(signIn(mvc, sales, TestData.STAFF_PASSWORD, address))).isEqualTo("/");
        for (int attempt = 0; attempt < 4; attempt++) {
            signIn(mvc, sales, WRONG, address);
        }

        assertThat(redirectOf(signIn(mvc, sales, TestData.STAFF_PASSWORD, address))).isEqualTo("/");
    }

    @Test
    void aLockEndsAfterFifteenMinutesAndTheCountStartsAgain() {
        String username = "clock-" + ADDRESSES.incrementAndGet();
        String address = freshAddress();
        Instant start = Instant.parse("2030-03-01T09:00:00Z");
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant now = start.plusSeconds(attempt);
            SignInThrottle.Reservation reservation = throttle.reserve(SignInDoor.STAFF, username, address, now);
            assertThat(reservation.refusal()).isEmpty();
            throttle.failed(now);
        }

        assertThat(throttle.reserve(SignInDoor.STAFF, username, address, start.plus(Duration.ofMinutes(14))).refusal())
            .hasValueSatisfying(lock -> {
                assertThat(lock.getScope()).isEqualTo(SignInThrottled.Scope.ACCOUNT);
                assertThat(lock.getMinutesLeft()).isEqualTo(2);
            });
        Instant afterLock = start.plus(Duration.ofMinutes(16));
        assertThat(throttle.reserve(SignInDoor.STAFF, username, address, afterLock).refusal()).isEmpty();
        assertThat(failuresOf("account:" + username)).isEqualTo(1);
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotAddUp() {
        String username = "slow-" + ADDRESSES.incrementAndGet();
        String address = freshAddress();
        Instant start = Instant.parse("2030-04-01T09:00:00Z");
        for (int attempt = 0; attempt < 4; attempt++) {
            throttle.reserve(SignInDoor.STAFF, username, address, start);
            throttle.failed(start);
        }
        Instant later = start.plus(Duration.ofMinutes(20));

        assertThat(throttle.reserve(SignInDoor.STAFF, username, address, later).refusal()).isEmpty();
        assertThat(throttle.reserve(SignInDoor.STAFF, username, address, later).refusal()).isEmpty();
        assertThat(failuresOf("account:" + username)).isEqualTo(2);
    }

    @Test
    void aLockOutlastsTheWindowItWasSetIn() {
        String username = "late-" + ADDRESSES.incrementAndGet();
        Instant start = Instant.parse("2030-05-01T09:00:00Z");
        throttle.reserve(SignInDoor.STAFF, username, freshAddress(), start);
        for (int attempt = 0; attempt < 4; attempt++) {
            throttle.reserve(SignInDoor.STAFF, username, freshAddress(), start.plus(Duration.ofMinutes(14)));
        }

        assertThat(throttle.reserve(SignInDoor.STAFF, username, freshAddress(), start.plus(Duration.ofMinutes(20)))
            .refusal()).as("locked at 09:14 until 09:29, though its window began at 09:00").isPresent();
    }

    @Test
    void aSuccessfulSignInGivesItsAttemptBackToTheAddress() throws Exception {
        TestData data = new TestData(jdbc);
        String address = freshAddress();
        for (int attempt = 0; attempt < 19; attempt++) {
            signIn(mvc, "typo-" + attempt + "-" + ADDRESSES.incrementAndGet(), WRONG, address);
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(redirectOf(signIn(mvc, data.staff("HELPDESK_AGENT"), TestData.STAFF_PASSWORD, address)))
                .as("colleagues behind one address signing in").isEqualTo("/");
        }

        assertThat(failuresOf("address:" + address)).isEqualTo(19);
    }

    @Test
    void keepsCountsInTheDatabaseSoEveryInstanceSeesThem() throws Exception {
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        String address = freshAddress();

        signIn(mvc, admin, WRONG, address);
        signIn(mvc, admin, WRONG, address);

        assertThat(failuresOf("account:" + admin)).isEqualTo(2);
        assertThat(failuresOf("address:" + address)).isEqualTo(2);
    }

    @Test
    void recordsSignInsAndFailedSignInsInTheAuditTrailWithoutThePassword() throws Exception {
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        String address = freshAddress();

        signIn(mvc, admin, "typed-secret-" + admin, address);
        signIn(mvc, admin, TestData.STAFF_PASSWORD, address);

        List<String> entries = jdbc.queryForList("""
                select action || '|' || outcome || '|' || coalesce(cast(customer_id as text), '-') || '|' || details
                from audit_entry where actor = ? order by id
                """, String.class, admin);
        assertThat(entries).containsExactly(
                "staff.sign-in-failed|FAILURE|-|address=" + address,
                "staff.signed-in|SUCCESS|-|address=" + address);
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where details like ? or target like ? or actor like ?", Long.class,
                "%typed-secret%", "%typed-secret%", "%typed-secret%")).isZero();
    }

    @Test
    void everySpellingThatReachesAnAccountCountsAgainstItsLock() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        String helpdesk = data.staff("HELPDESK_AGENT");
        for (String locked : List.of(admin, helpdesk)) {
            String address = freshAddress();
            for (int attempt = 0; attempt < 5; attempt++) {
                signIn(mvc, locked, WRONG, address);
            }
        }

        // A capital I with a dot, a Kelvin sign for k, a long s, fullwidth letters, spaces around: each must either
        // miss the account or meet its lock, never reach it with counts of its own.
        List<String> spellings = List.of(admin.replace('i', '\u0130'), admin.toUpperCase(Locale.ROOT),
                admin.toUpperCase(Locale.ROOT).replace("ADMIN", "ADM\u0130N"), " " + admin + " ", admin + "\u00a0",
                admin.replace('a', '\uff41'), admin.replace("admin", "\uff41\uff44\uff4d\uff49\uff4e"), helpdesk.replace('k', '\u212a'),
                helpdesk.replace('s', '\u017f'), helpdesk.toUpperCase(Locale.ROOT).replace('K', '\u212a'));
        for (String spelling : spellings) {
            assertThat(redirectOf(signIn(mvc, spelling, TestData.STAFF_PASSWORD, freshAddress())))
                .as("signing in as '%s' while its account is locked", spelling)
                .isIn("/sign-in?locked=account&minutes=15", "/sign-in?error");
        }
        assertThat(redirectOf(signIn(mvc, helpdesk.replace('k', '\u212a'), TestData.STAFF_PASSWORD, freshAddress())))
            .as("a spelling the account lookup folds to the account's name shares its lock")
            .isEqualTo("/sign-in?locked=account&minutes=15");
    }

    /** The sign-in page a refused sign-in redirects to. */
    private String signInPage(MvcResult refused, String language) throws Exception {
        return mvc.perform(get(refused.getResponse().getRedirectedUrl()).header("Accept-Language", language))
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private Integer failuresOf(String subject) {
        return jdbc.queryForObject("select failures from sign_in_throttle where subject = ?", Integer.class, subject);
    }

    private static String redirectOf(MvcResult result) {
        return result.getResponse().getRedirectedUrl();
    }

    /** Addresses from TEST-NET-2 (198.51.100.0/24 and up), never the loopback that browser tests sign in from. */
    private static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }
}
