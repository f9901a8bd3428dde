package com.partnerdesk.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refused sign-ins, counted rather than listed: one row per door, account, hour, address range and reason, whose count
 * each further attempt raises by one atomic upsert, so attempts sent together still end in one row. The account is
 * the folded username only when it names an account; made-up usernames are not kept at all (a password typed into the
 * username field neither), their attempts count in the row of their address range. An account reached from more than
 * {@link #RANGES_PER_HOUR} ranges within an hour has its further ranges counted in one row, {@link #OTHER_RANGES}: an
 * hour holds at most that many rows per account and reason, whatever the number of addresses sending.
 */
@Component
public class SignInRefusals {

    /** The address range of the row that counts an hour's ranges beyond {@link #RANGES_PER_HOUR}. */
    public static final String OTHER_RANGES = "*";

    static final int RANGES_PER_HOUR = 100;

    private static final int ACCOUNT_LENGTH = 400;

    private static final int ADDRESS_LENGTH = 60;

    private final JdbcClient jdbc;

    SignInRefusals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one refused attempt at {@code door} from {@code address}, against {@code username} when it names an
     * account (then {@code account} is present) or against no username at all.
     */
    void record(SignInDoor door, String username, SignInAccounts.Account account, String address,
            SignInRefusalReason reason, Instant now) {
        String accountKey = account == null ? "" : cut(SignInName.fold(username), ACCOUNT_LENGTH);
        jdbc.sql("""
                insert into sign_in_refusal as r (door, account, window_started_at, address_range, reason, customer_id,
                                                  attempts, first_at, last_at, last_address)
                select :door, :account, :window,
                       case when exists (select 1 from sign_in_refusal
                                         where door = :door and account = :account and window_started_at = :window
                                           and address_range = :range and reason = :reason)
                              or (select count(*) from (select 1 from sign_in_refusal
                                                        where door = :door and account = :account
                                                          and window_started_at = :window
                                                        limit :ranges) seen) < :ranges
                            then :range else :otherRanges end,
                       :reason, :customer, 1, :now, :now, :address
                on conflict (door, account, window_started_at, address_range, reason) do update set
                  attempts = r.attempts + 1,
                  first_at = least(r.first_at, excluded.first_at),
                  last_at = greatest(r.last_at, excluded.last_at),
                  last_address = excluded.last_address,
                  customer_id = coalesce(excluded.customer_id, r.customer_id)
                """)
            .param("door", door.name())
            .param("account", accountKey)
            .param("window", timestamp(now.truncatedTo(ChronoUnit.HOURS)))
            .param("range", AddressRange.of(address))
            .param("reason", reason.name())
            .param("customer", account == null ? null : account.customerId())
            .param("now", timestamp(now))
            .param("address", cut(address == null ? AddressRange.UNKNOWN : address, ADDRESS_LENGTH))
            .param("ranges", RANGES_PER_HOUR)
            .param("otherRanges", OTHER_RANGES)
            .update();
    }

    /** The customer's most recent refused sign-ins, newest first, for its Activity tab. */
    public List<SignInRefusalSummary> latestFor(UUID customerId, int limit) {
        return jdbc.sql("""
                select account, address_range, last_address, reason, attempts, first_at, last_at
                from sign_in_refusal where customer_id = :customer
                order by last_at desc, account, address_range, reason
                limit :limit
                """)
            .param("customer", customerId)
            .param("limit", limit)
            .query((rs, row) -> new SignInRefusalSummary(rs.getString("account"), rs.getString("address_range"),
                    rs.getString("last_address"), SignInRefusalReason.valueOf(rs.getString("reason")),
                    rs.getInt("attempts"), rs.getObject("first_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("last_at", OffsetDateTime.class).toInstant()))
            .list();
    }

    /**
     * Deletes the rows whose last attempt is older than {@code retention}, a batch at a time so that a large backlog
     * never holds one long transaction; several instances doing it at once only share the work.
     * @return how many rows were deleted
     */
    long deleteOlderThan(Duration retention, Instant now) {
        long deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                    delete from sign_in_refusal where ctid in (
                      select ctid from sign_in_refusal where last_at < :cutoff limit 10000)
                    """)
                .param("cutoff", timestamp(now.minus(retention)))
                .update();
            deleted += batch;
        }
        while (batch > 0);
        return deleted;
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
