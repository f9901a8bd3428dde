package com.partnerdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per address in PostgreSQL, so every instance behind the load balancer sees
 * the same counts and locks. Each failure is one atomic upsert; a window that has passed, or a lock that has ended,
 * starts the count again. Each {@link SignInDoor} keeps counts of its own, under its own key prefixes.
 */
@Component
public class SignInThrottle {

    private final JdbcClient jdbc;

    private final SignInThrottleSettings settings;

    SignInThrottle(JdbcClient jdbc, SignInThrottleSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The lock that refuses a sign-in of {@code username} from {@code address} at {@code now}, if any. */
    public Optional<SignInThrottled> lockAt(SignInDoor door, String username, String address, Instant now) {
        String account = accountSubject(door, username);
        return jdbc.sql("""
                select subject, locked_until from sign_in_throttle
                where subject in (:account, :address) and locked_until > :now
                """)
            .param("account", account)
            .param("address", addressSubject(door, address))
            .param("now", timestamp(now))
            .query((rs, row) -> new SignInThrottled(
                    rs.getString("subject").equals(account) ? SignInThrottled.Scope.ACCOUNT
                            : SignInThrottled.Scope.ADDRESS,
                    Duration.between(now, rs.getObject("locked_until", OffsetDateTime.class).toInstant())))
            .list()
            .stream()
            .max(Comparator.comparingLong(SignInThrottled::getMinutesLeft));
    }

    public void recordFailure(SignInDoor door, String username, String address, Instant now) {
        countFailure(accountSubject(door, username), settings.maxFailuresPerAccount(), now);
        countFailure(addressSubject(door, address), settings.maxFailuresPerAddress(), now);
        forgetExpired(now);
    }

    /** A correct password clears the account's failures; the address keeps its count, or one good account would
     * let an address try many others. */
    public void recordSuccess(SignInDoor door, String username) {
        jdbc.sql("delete from sign_in_throttle where subject = :subject")
            .param("subject", accountSubject(door, username))
            .update();
    }

    private void countFailure(String subject, int maxFailures, Instant now) {
        jdbc.sql("""
                insert into sign_in_throttle as t (subject, failures, window_started_at, locked_until)
                values (:subject, 1, :now, case when 1 >= :max then cast(:lockUntil as timestamptz) end)
                on conflict (subject) do update set
                  failures = case when t.window_started_at <= :windowStart or t.locked_until <= :now then 1
                                  else t.failures + 1 end,
                  window_started_at = case when t.window_started_at <= :windowStart or t.locked_until <= :now then :now
                                           else t.window_started_at end,
                  locked_until = case
                      when t.window_started_at <= :windowStart or t.locked_until <= :now
                          then case when 1 >= :max then cast(:lockUntil as timestamptz) end
                      when t.failures + 1 >= :max then cast(:lockUntil as timestamptz)
                      else t.locked_until end
                """)
            .param("subject", subject)
            .param("now", timestamp(now))
            .param("max", maxFailures)
            .param("windowStart", timestamp(now.minus(settings.failureWindow())))
            .param("lockUntil", timestamp(now.plus(settings.lockDuration())))
            .update();
    }

    /** Rows whose window and lock have both passed say nothing any more; any instance may delete them. */
    private void forgetExpired(Instant now) {
        jdbc.sql("""
                delete from sign_in_throttle
                where window_started_at <= :windowStart and (locked_until is null or locked_until <= :now)
                """)
            .param("windowStart", timestamp(now.minus(settings.failureWindow())))
            .param("now", timestamp(now))
            .update();
    }

    /**
     * A long username (a customer user's may have 320 characters) is kept apart from others that start the same way
     * by a digest of the whole of it, so the key still fits its column.
     */
    private static String accountSubject(SignInDoor door, String username) {
        String normalised = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() <= 100) {
            return door.accountPrefix() + normalised;
        }
        return door.accountPrefix() + normalised.substring(0, 60) + "~" + digest(normalised);
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
}
