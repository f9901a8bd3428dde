package com.partnerdesk.security;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused without checking the password, because the account or the address has failed too often lately.
 * It says for how long, so the sign-in page can tell the person signing in when to try again.
 */
public class SignInThrottled extends LockedException {

    /** What was locked: the account typed, or the address the attempts come from. */
    public enum Scope {
        ACCOUNT, ADDRESS
    }

    private final Scope scope;

    private final long minutesLeft;

    SignInThrottled(Scope scope, Duration left) {
        super("Sign-in throttled: " + scope);
        this.scope = scope;
        this.minutesLeft = Math.max(1, (left.toSeconds() + 59) / 60);
    }

    public Scope getScope() {
        return scope;
    }

    /** Whole minutes until the lock ends, rounded up and at least one. */
    public long getMinutesLeft() {
        return minutesLeft;
    }
}
