package com.partnerdesk.portal;

import java.time.Clock;
import java.util.List;
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
import com.partnerdesk.support.Burst;
import com.partnerdesk.support.Burst.Outcome;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A burst of sign-ins at the customer users' door, sent at the same moment, is throttled like the same sign-ins sent
 * one after another: the door is built as in the application, on the real database, with a count of the passwords it
 * checks. The refused attempts are on the customer's Activity tab.
 */
@SpringBootTest
class CustomerUserSignInBurstTests {

    private static final int BURST = 200;

    /** The limits of application.properties: five failures per account, twenty per address. */
    private static final int MAX_PER_ACCOUNT = 5;

    private static final int MAX_PER_ADDRESS = 20;

    private static final String WRONG = "not the password";

    /** Addresses of 100.64.0.0/16 and up (shared address space), one set per test. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

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

    @Autowired
    Clock clock;

    @Test
    void aBurstOfWrongPasswordsOnOneUserChecksNoMoreThanTheLimitAndThenRefusesTheRightOne() throws Exception {
        TestCustomer contoso = new TestData(jdbc).customer("Burst Contoso");
        CreatedUser ada = ada(contoso);
        CountingProvider passwords = new CountingProvider(new CustomerUserAuthentication(signIn));
        ThrottledAuthenticationProvider door = door(passwords);

        List<Outcome<Authentication>> outcomes = Burst.of(BURST,
                i -> () -> door.authenticate(attempt(ada.username(), WRONG, freshAddress())));

        assertThat(passwords.checked()).isBetween(1, MAX_PER_ACCOUNT);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.thrown())
            .isInstanceOfAny(BadCredentialsException.class, SignInThrottled.class));
        assertThat(outcomes.stream().filter(o -> o.thrown() instanceof SignInThrottled lock
                && lock.getScope() == SignInThrottled.Scope.ACCOUNT))
            .hasSize(BURST - passwords.checked());
        assertThatExceptionOfType(SignInThrottled.class)
            .isThrownBy(() -> door.authenticate(attempt(ada.username(), ada.temporaryPassword(), freshAddress())));
        assertThat(passwords.checked()).isLessThanOrEqualTo(MAX_PER_ACCOUNT);
        assertThat(jdbc.queryForList("select action from audit_entry where customer_id = ? and actor = ?",
                String.class, contoso.id(), ada.username()))
            .as("each checked wrong password is an entry on the customer's Activity tab")
            .hasSize(passwords.checked())
            .containsOnly("user.sign-in-failed");
        assertThat(jdbc.queryForObject("""
                select sum(attempts) from sign_in_refusal
                where door = 'CUSTOMER_USERS' and account = ? and customer_id = ? and reason = 'ACCOUNT_LOCKED'
                """, Integer.class, ada.username(), contoso.id()))
            .as("the refused ones, counted for the customer's Activity tab").isEqualTo(BURST + 1 - passwords.checked());
    }

    @Test
    void aBurstFromOneAddressAcrossManyUsernamesChecksNoMoreThanTheAddressLimit() throws Exception {
        TestCustomer fabrikam = new TestData(jdbc).customer("Burst Fabrikam");
        CreatedUser ada = ada(fabrikam);
        String attacker = freshAddress();
        CountingProvider passwords = new CountingProvider(new CustomerUserAuthentication(signIn));
        ThrottledAuthenticationProvider door = door(passwords);

        List<Outcome<Authentication>> outcomes = Burst.of(BURST,
                i -> () -> door.authenticate(attempt("guess" + i + "@" + fabrikam.domain(), WRONG, attacker)));

        assertThat(passwords.checked()).isBetween(1, MAX_PER_ADDRESS);
        assertThat(outcomes.stream().filter(o -> o.thrown() instanceof SignInThrottled lock
                && lock.getScope() == SignInThrottled.Scope.ADDRESS))
            .hasSize(BURST - passwords.checked());
        assertThatExceptionOfType(SignInThrottled.class)
            .isThrownBy(() -> door.authenticate(attempt(ada.username(), ada.temporaryPassword(), attacker)));
        assertThat(door.authenticate(attempt(ada.username(), ada.temporaryPassword(), freshAddress()))
            .getPrincipal()).isInstanceOf(SignedInCustomerUser.class);
    }

    private ThrottledAuthenticationProvider door(AuthenticationProvider passwords) {
        return new ThrottledAuthenticationProvider(SignInDoor.CUSTOMER_USERS, passwords, passwordChecks,
                PortalSecurityConfiguration.customerUsers(signIn), throttle, audit, refusals, clock);
    }

    private CreatedUser ada(TestCustomer customer) {
        return creation.create(customer.id(), new NewUser(new UserProfile("Ada", "Lovelace", "Ada Lovelace",
                "ada.lovelace@" + customer.domain(), "GB", Set.of()), Set.of()));
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
        return "100.64." + (n / 250) + "." + (1 + n % 250);
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
