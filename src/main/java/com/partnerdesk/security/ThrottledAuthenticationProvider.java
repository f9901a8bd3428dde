package com.partnerdesk.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.audit.AuditOutcome;
import com.partnerdesk.audit.AuditTrail;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts a door's password check behind its throttle: counts the attempt against the account and the address first,
 * and checks the password only when neither went past its limit. What an attempt leaves behind is bounded by what it
 * proves: a sign-in, and a wrong password for an account that exists (at most the account's limit of them per window),
 * are audit entries of their own, with the username typed and the address, never the password; every other refusal
 * (a made-up username, an attempt during a lock, a password not accepted) only raises a count in
 * {@link SignInRefusals}. An entry concerning one customer's account is recorded with that customer.
 * A refused attempt costs the one work-factor check every other answer costs (the door's password check makes exactly
 * one), so the time of the answer does not tell a locked account from any other.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final SignInDoor door;

    private final AuthenticationProvider passwords;

    private final PasswordChecks work;

    private final SignInAccounts accounts;

    private final SignInThrottle throttle;

    private final AuditTrail audit;

    private final SignInRefusals refusals;

    private final Clock clock;

    /**
     * @param passwords checks the password, with exactly one work-factor hash check whatever the answer
     * @param work      spends that check when the throttle refuses before the password is checked
     */
    public ThrottledAuthenticationProvider(SignInDoor door, AuthenticationProvider passwords, PasswordChecks work,
            SignInAccounts accounts, SignInThrottle throttle, AuditTrail audit, SignInRefusals refusals, Clock clock) {
        this.door = door;
        this.passwords = passwords;
        this.work = work;
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Instant now = clock.instant();
        SignInThrottle.Reservation reservation = throttle.reserve(door, username, address, now);
        if (reservation.refusal().isPresent()) {
            SignInThrottled lock = reservation.refusal().get();
            work.spendOnDecoy(attempt.getCredentials() == null ? null : attempt.getCredentials().toString());
            refusals.record(door, username, accounts.find(username).orElse(null), address,
                    lock.getScope() == SignInThrottled.Scope.ACCOUNT ? SignInRefusalReason.ACCOUNT_LOCKED
                            : SignInRefusalReason.ADDRESS_LOCKED, now);
            throw lock;
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(reservation);
            audit.recordOutcome(username, customerOf(signedIn.getPrincipal()), door.auditAction("signed-in"), username,
                    AuditOutcome.SUCCESS, "address=" + address);
            return signedIn;
        }
        catch (BadCredentialsException wrong) {
            throttle.failed(now);
            // Looked up for every wrong password alike, so that the answer takes no longer for one kind of username.
            Optional<SignInAccounts.Account> account = accounts.find(username);
            if (account.isPresent()) {
                audit.recordOutcome(username, account.get().customerId(), door.auditAction("sign-in-failed"),
                        username, AuditOutcome.FAILURE, "address=" + address);
            }
            else {
                refusals.record(door, username, null, address, SignInRefusalReason.UNKNOWN_USERNAME, now);
            }
            throw wrong;
        }
        catch (AuthenticationException refused) {
            throttle.notJudged(reservation);
            refusals.record(door, username, accounts.find(username).orElse(null), address,
                    SignInRefusalReason.NOT_ACCEPTED, now);
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static UUID customerOf(Object principal) {
        return principal instanceof BelongsToCustomer concerned ? concerned.customerId() : null;
    }
}
