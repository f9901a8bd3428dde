package com.partnerdesk.security;

import java.time.Clock;
import java.time.Instant;

import com.partnerdesk.audit.AuditOutcome;
import com.partnerdesk.audit.AuditTrail;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the password only when neither the account nor the address is locked, counts wrong passwords, and records
 * every sign-in and failed sign-in in the audit trail (with the username typed and the address, never the password).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;

    private final SignInThrottle throttle;

    private final AuditTrail audit;

    private final Clock clock;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle, AuditTrail audit,
            Clock clock) {
        this.passwords = passwords;
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
        SignInThrottled lock = throttle.lockAt(username, address, now).orElse(null);
        if (lock != null) {
            audit.recordOutcome(username, null, "staff.sign-in-throttled", username, AuditOutcome.DENIED,
                    "address=" + address + " locked=" + lock.getScope());
            throw lock;
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.recordSuccess(username);
            audit.recordOutcome(username, null, "staff.signed-in", username, AuditOutcome.SUCCESS,
                    "address=" + address);
            return signedIn;
        }
        catch (BadCredentialsException wrong) {
            throttle.recordFailure(username, address, now);
            audit.recordOutcome(username, null, "staff.sign-in-failed", username, AuditOutcome.FAILURE,
                    "address=" + address);
            throw wrong;
        }
        catch (AuthenticationException refused) {
            audit.recordOutcome(username, null, "staff.sign-in-failed", username, AuditOutcome.FAILURE,
                    "address=" + address + " reason=" + refused.getClass().getSimpleName());
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
