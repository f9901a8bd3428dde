package com.partnerdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in attempts per account and per address in PostgreSQL, so every instance behind the load balancer sees
 * the same counts and locks. An attempt is counted before its password is checked, by one atomic upsert per subject
 * that returns the count it reached: a burst of attempts sent at the same moment gets the limit's worth of password
 * checks and no more. A window that has passed, or a lock that has ended, starts the count again. Each
 * {@link SignInDoor} keeps counts of its own, under its own key prefixes.
 */
@Component
public class SignInThrottle {

    private final JdbcClient jdbc;

    private final SignInThrottleSettings settings;

    SignInThrottle(JdbcClient jdbc, SignInThrottleSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Counts an attempt to sign in as {@code username} from {@code address} against the account and then against the
     * address. The attempt may have its password checked only if neither count went past its limit; otherwise the
     * reservation carries the lock that refuses it. An attempt the account refuses is not counted against the
     * address; one the address refuses is given back to the account, whose password it never reached, and the
     * account's row is deleted if that leaves it empty: an address sending made-up usernames past its limit leaves no
     * row per username.
     */
    public Reservation reserve(SignInDoor door, String username, String address, Instant now) {
        String account = accountSubject(door, username);
        Count onAccount = count(account, settings.maxFailuresPerAccount(), now);
        if (onAccount.failures() > settings.maxFailuresPerAccount()) {
            return Reservation.refused(account, new SignInThrottled(SignInThrottled.Scope.ACCOUNT,
                    onAccount.lockLeft(now, settings.lockDuration())));
        }
        String from = addressSubject(door, address);
        Count onAddress = count(from, settings.maxFailuresPerAddress(), now);
        if (onAddress.failures() > settings.maxFailuresPerAddress()) {
            giveBack(account, onAccount.windowStartedAt(), settings.maxFailuresPerAccount());
            forgetIfEmpty(account);
            return Reservation.refused(account, new SignInThrottled(SignInThrottled.Scope.ADDRESS,
                    onAddress.lockLeft(now, settings.lockDuration())));
        }
        return new Reservation(account, onAccount.windowStartedAt(), from, onAddress.windowStartedAt(), null);
    }

    /**
     * The password was wrong: the attempt stays counted on both. Rows that say nothing any more are forgotten now,
     * after a wrong password rather than after every attempt, so a burst of refused attempts costs no more than its
     * counts.
     */
    public void failed(Instant now) {
        forgetExpired(now);
    }

    /**
     * The password was right: the account's count is cleared, and the attempt is given back to the address, so that
     * people signing in successfully behind one address (an office, a proxy) never lock it. The address keeps its
     * other attempts, or one good account would let an address try many others.
     */
    public void succeeded(Reservation reservation) {
        jdbc.sql("delete from sign_in_throttle where subject = :subject")
            .param("subject", reservation.account)
            .update();
        giveBack(reservation.address, reservation.addressWindow, settings.maxFailuresPerAddress());
    }

    /**
     * The attempt was refused for something other than a wrong password (an expired temporary password, which was
     * right): it is given back to both, as such refusals were never failures to guess.
     */
    public void notJudged(Reservation reservation) {
        giveBack(reservation.account, reservation.accountWindow, settings.maxFailuresPerAccount());
        giveBack(reservation.address, reservation.addressWindow, settings.maxFailuresPerAddress());
    }

    /**
     * One more attempt on {@code subject}. A subject that is locked stays locked until its lock ends whatever its
     * window, and its count keeps growing past the limit: that is how an attempt learns it is refused.
     */
    private Count count(String subject, int maxFailures, Instant now) {
        return jdbc.sql("""
                insert into sign_in_throttle as t (subject, failures, window_started_at, locked_until)
                values (:subject, 1, :now, case when 1 >= :max then cast(:lockUntil as timestamptz) end)
                on conflict (subject) do update set
                  failures = case when (t.locked_until is null and t.window_started_at <= :windowStart)
                                       or t.locked_until <= :now then 1
                                  else t.failures + 1 end,
                  window_started_at = case when (t.locked_until is null and t.window_started_at <= :windowStart)
                                                or t.locked_until <= :now then :now
                                           else t.window_started_at end,
                  locked_until = case
                      when (t.locked_until is null and t.window_started_at <= :windowStart) or t.locked_until <= :now
                          then case when 1 >= :max then cast(:lockUntil as timestamptz) end
                      when t.locked_until is not null then t.locked_until
                      when t.failures + 1 >= :max then cast(:lockUntil as timestamptz)
                      end
                returning failures, window_started_at, locked_until
                """)
            .param("subject", subject)
            .param("now", timestamp(now))
            .param("max", maxFailures)
            .param("windowStart", timestamp(now.minus(settings.failureWindow())))
            .param("lockUntil", timestamp(now.plus(settings.lockDuration())))
            .query((rs, row) -> new Count(rs.getInt("failures"),
                    rs.getObject("window_started_at", OffsetDateTime.class),
                    rs.getObject("locked_until", OffsetDateTime.class)))
            .single();
    }

    /**
     * Takes back one attempt counted in the window that started at {@code window}; a window that has since been
     * started again holds no attempt of this one. A count back under its limit lifts the lock that attempt set.
     */
    private void giveBack(String subject, OffsetDateTime window, int maxFailures) {
        jdbc.sql("""
                update sign_in_throttle set
                  failures = failures - 1,
                  locked_until = case when failures - 1 < :max then null else locked_until end
                where subject = :subject and window_started_at = :window and failures > 0
                """)
            .param("subject", subject)
            .param("window", window)
            .param("max", maxFailures)
            .update();
    }

    /**
     * An account row that holds no attempt and no lock says nothing: an address past its limit sending made-up
     * usernames would otherwise leave a row for each. An attempt counted on it meanwhile keeps it.
     */
    private void forgetIfEmpty(String subject) {
        jdbc.sql("delete from sign_in_throttle where subject = :subject and failures = 0 and locked_until is null")
            .param("subject", subject)
            .update();
    }

    /**
     * Rows whose window and lock have both passed say nothing any more; any instance may delete them, at any time.
     * @return how many were deleted
     */
    int forgetExpired(Instant now) {
        return jdbc.sql("""
                delete from sign_in_throttle
                where window_started_at <= :windowStart and (locked_until is null or locked_until <= :now)
                """)
            .param("windowStart", timestamp(now.minus(settings.failureWindow())))
            .param("now", timestamp(now))
            .update();
    }

    /**
     * The account's key, from the username as {@link SignInName} folds it for the account lookups too. A long
     * username (a customer user's may have 320 characters) is kept apart from others that start the same way by a
     * digest of the whole of it, so the key still fits its column.
     */
    private static String accountSubject(SignInDoor door, String username) {
        String folded = SignInName.fold(username);
        if (folded.length() <= 100) {
            return door.accountPrefix() + folded;
        }
        return door.accountPrefix() + folded.substring(0, 60) + "~" + digest(folded);
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String addressSubject(SignInDoor door, String address) {
        String value = address == null ? "unknown" : address;
        return door.addressPrefix() + value.substring(0, Math.min(value.length(), 60));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** What one subject's count reached with an attempt. */
    private record Count(int failures, OffsetDateTime windowStartedAt, OffsetDateTime lockedUntil) {

        /** A count past its limit always carries its lock; the full duration stands in should it ever not. */
        Duration lockLeft(Instant now, Duration lockDuration) {
            return lockedUntil == null ? lockDuration : Duration.between(now, lockedUntil.toInstant());
        }
    }

    /**
     * An attempt counted against its account and address: either free to have its password checked, or refused by
     * the lock it carries. The sign-in reports its outcome back with it.
     */
    public static final class Reservation {

        private final String account;

        private final OffsetDateTime accountWindow;

        private final String address;

        private final OffsetDateTime addressWindow;

        private final SignInThrottled refusal;

        private Reservation(String account, OffsetDateTime accountWindow, String address,
                OffsetDateTime addressWindow, SignInThrottled refusal) {
            this.account = account;
            this.accountWindow = accountWindow;
            this.address = address;
            this.addressWindow = addressWindow;
            this.refusal = refusal;
        }

        private static Reservation refused(String account, SignInThrottled refusal) {
            return new Reservation(account, null, null, null, refusal);
        }

        /** The lock that refuses this attempt without checking its password, if any. */
        public Optional<SignInThrottled> refusal() {
            return Optional.ofNullable(refusal);
        }
    }
}
