package com.partnerdesk.security;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.support.Burst;
import com.partnerdesk.support.Burst.Outcome;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A burst of sign-ins sent at the same moment is throttled like the same sign-ins sent one after another: the staff
 * door is built as in the application, on the real database, with a count of the passwords it checks.
 */
@SpringBootTest
class SignInBurstTests {

    private static final int BURST = 200;

    private static final String WRONG = "not the password";

    /** Addresses of 192.0.2.0/24 and up (TEST-NET-1), one set per test. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    StaffSignInAccounts accounts;

    @Autowired
    SignInRefusals refusals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordChecks passwordChecks;

    @Autowired
    StaffUserDetailsService staff;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    SignInThrottleSettings settings;

    @Autowired
    AuditTrail audit;

    @Autowired
    Clock clock;

    @Test
    void aBurstOfWrongPasswordsOnOneAccountChecksNoMoreThanTheLimitAndThenRefusesTheRightOne() throws Exception {
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        CountingProvider passwords = new CountingProvider(staffPasswords());
        ThrottledAuthenticationProvider door = door(passwords);

        List<Outcome<Authentication>> outcomes = Burst.of(BURST,
                i -> () -> door.authenticate(attempt(admin, WRONG, freshAddress())));

        assertThat(passwords.checked()).isBetween(1, settings.maxFailuresPerAccount());
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.thrown())
            .isInstanceOfAny(BadCredentialsException.class, SignInThrottled.class));
        assertThat(outcomes.stream().filter(o -> o.thrown() instanceof SignInThrottled lock
                && lock.getScope() == SignInThrottled.Scope.ACCOUNT))
            .hasSize(BURST - passwords.checked());
        assertThatExceptionOfType(SignInThrottled.class)
            .isThrownBy(() -> door.authenticate(attempt(admin, TestData.STAFF_PASSWORD, freshAddress())));
        assertThat(passwords.checked()).as("the right password, during the lock, is not even checked")
            .isLessThanOrEqualTo(settings.maxFailuresPerAccount());
    }

    @Test
    void aBurstFromOneAddressAcrossManyAccountsChecksNoMoreThanTheAddressLimit() throws Exception {
        String helpdesk = new TestData(jdbc).staff("HELPDESK_AGENT");
        String attacker = freshAddress();
        CountingProvider passwords = new CountingProvider(staffPasswords());
        ThrottledAuthenticationProvider door = door(passwords);

        List<Outcome<Authentication>> outcomes = Burst.of(BURST,
                i -> () -> door.authenticate(attempt("guess-" + i + "-" + attacker, WRONG, attacker)));

        assertThat(passwords.checked()).isBetween(1, settings.maxFailuresPerAddress());
        assertThat(outcomes.stream().filter(o -> o.thrown() instanceof SignInThrottled lock
                && lock.getScope() == SignInThrottled.Scope.ADDRESS))
            .hasSize(BURST - passwords.checked());
        assertThatExceptionOfType(SignInThrottled.class)
            .isThrownBy(() -> door.authenticate(attempt(helpdesk, TestData.STAFF_PASSWORD, attacker)));
        assertThat(door.authenticate(attempt(helpdesk, TestData.STAFF_PASSWORD, freshAddress())).isAuthenticated())
            .isTrue();
    }

    @Test
    void aBurstOfRefusedSignInsAuditsEachCheckedPasswordAndCountsTheRestWithoutCheckingThem() throws Exception {
        String sales = new TestData(jdbc).staff("SALES_AGENT");
        CountingProvider passwords = new CountingProvider(staffPasswords());
        ThrottledAuthenticationProvider door = door(passwords);

        Burst.of(BURST, i -> () -> door.authenticate(attempt(sales, WRONG, freshAddress())));

        assertThat(jdbc.queryForList("""
                select action from audit_entry where actor = ? and customer_id is null
                """, String.class, sales))
            .hasSize(passwords.checked())
            .containsOnly("staff.sign-in-failed");
        assertThat(jdbc.queryForObject("""
                select sum(attempts) from sign_in_refusal
                where door = 'STAFF' and account = ? and reason = 'ACCOUNT_LOCKED'
                """, Integer.class, sales))
            .as("the attempts refused by the lock, counted").isEqualTo(BURST - passwords.checked());
    }

    private DaoAuthenticationProvider staffPasswords() {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(staff);
        passwords.setPasswordEncoder(passwordEncoder);
        return passwords;
    }

    private ThrottledAuthenticationProvider door(AuthenticationProvider passwords) {
        return new ThrottledAuthenticationProvider(SignInDoor.STAFF, passwords, passwordChecks, accounts, throttle,
                audit, refusals, clock);
    }

    private static Authentication attempt(String username, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }

    private static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "192.0." + (2 + n / 250) + "." + (1 + n % 250);
    }

    /** Wraps the password check of a door and counts how often it is asked. */
    private static final class CountingProvider implements AuthenticationProvider {

        private final AuthenticationProvider passwords;

        private final AtomicInteger checked = new AtomicInteger();

        CountingProvider(AuthenticationProvider passwords) {
            this.passwords = passwords;
        }

        int checked() {
            return checked.get();
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            checked.incrementAndGet();
            return passwords.authenticate(authentication);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return passwords.supports(authentication);
        }
    }
}
