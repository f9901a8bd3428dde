package com.partnerdesk.security;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.AuthenticationException;

/**
 * What a sign-in page says after a refused sign-in: a wrong username or password, or a lock and how long it still
 * lasts. The reason travels in the page's URL rather than in a session, so failed attempts leave no session rows
 * behind; tampering with it changes only the message shown. Both sign-in pages use it.
 *
 * @param messageKey the message to show
 * @param arguments  its arguments (the minutes left of a lock)
 */
public record SignInProblem(String messageKey, Object[] arguments) {

    /** How long a lock is said to last when its URL has no readable minutes (the default lock duration). */
    private static final long UNREADABLE_MINUTES = 15;

    /** The query string of the sign-in page after {@code failure}, starting with {@code ?}. */
    public static String query(AuthenticationException failure) {
        if (failure instanceof SignInThrottled lock) {
            return "?locked=" + lock.getScope().name().toLowerCase(Locale.ROOT) + "&minutes=" + lock.getMinutesLeft();
        }
        return "?error";
    }

    /**
     * The problem named by the sign-in page's parameters, if any.
     * @param locked  the {@code locked} parameter: {@code account} or {@code address}
     * @param minutes the {@code minutes} parameter of a lock
     * @param error   whether the {@code error} parameter is present
     */
    public static Optional<SignInProblem> of(String locked, String minutes, boolean error) {
        if ("account".equals(locked) || "address".equals(locked)) {
            return Optional.of(new SignInProblem("account".equals(locked) ? "signIn.locked" : "signIn.addressLocked",
                    new Object[] { minutesFrom(minutes) }));
        }
        return error ? Optional.of(new SignInProblem("signIn.failed", new Object[0])) : Optional.empty();
    }

    private static long minutesFrom(String minutes) {
        try {
            return Math.min(Math.max(Long.parseLong(minutes), 1), 24 * 60);
        }
        catch (NumberFormatException unreadable) {
            return UNREADABLE_MINUTES;
        }
    }
}
