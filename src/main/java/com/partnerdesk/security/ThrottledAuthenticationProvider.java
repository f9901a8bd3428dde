package com.partnerdesk.security;

import java.time.Clock;
import java.time.Instant;
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
 * checks the password only when neither went past its limit, and records every sign-in, failed sign-in and refused
 * sign-in in the audit trail (with the username typed and the address, never the password). An entry concerning one
 * customer's account (see {@link BelongsToCustomer} and {@link SignInAccountOwner}) is recorded with that customer.
 * A refused attempt costs the one work-factor check every other answer costs (the door's password check makes exactly
 * one), so the time of the answer does not tell a locked account from any other.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final SignInDoor door;

    private final AuthenticationProvider passwords;

    private final PasswordChecks work;

    private final SignInAccountOwner owners;

    private final SignInThrottle throttle;

    private final AuditTrail audit;

    private final Clock clock;

    /** A door whose accounts belong to no customer. */
    public ThrottledAuthenticationProvider(SignInDoor door, AuthenticationProvider passwords, PasswordChecks work,
            SignInThrottle throttle, AuditTrail audit, Clock clock) {
        this(door, passwords, work, SignInAccountOwner.NONE, throttle, audit, clock);
    }

    /**
     * @param passwords checks the password, with exactly one work-factor hash check whatever the answer
     * @param work      spends that check when the throttle refuses before the password is checked
     */
    public ThrottledAuthenticationProvider(SignInDoor door, AuthenticationProvider passwords, PasswordChecks work,
            SignInAccountOwner owners, SignInThrottle throttle, AuditTrail audit, Clock clock) {
        this.door = door;
        this.passwords = passwords;
        this.work = work;
        this.owners = owners;
        this.throttle = throttle;
        this.audit = audit;
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
            audit.recordOutcome(username, owners.customerOf(username).orElse(null),
                    door.auditAction("sign-in-throttled"), username, AuditOutcome.DENIED,
                    "address=" + address + " locked=" + lock.getScope());
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
            audit.recordOutcome(username, customerOf(wrong), door.auditAction("sign-in-failed"), username,
                    AuditOutcome.FAILURE, "address=" + address);
            throw wrong;
        }
        catch (AuthenticationException refused) {
            throttle.notJudged(reservation);
            audit.recordOutcome(username, customerOf(refused), door.auditAction("sign-in-failed"), username,
                    AuditOutcome.FAILURE, "address=" + address + " reason=" + refused.getClass().getSimpleName());
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static UUID customerOf(Object principalOrRefusal) {
        return principalOrRefusal instanceof BelongsToCustomer concerned ? concerned.customerId() : null;
    }
}
