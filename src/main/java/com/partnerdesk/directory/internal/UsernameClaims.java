package com.partnerdesk.directory.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The claims on usernames across all customers, one per lower-cased username, in {@code username_claim}: a customer
 * user signs in with the username alone, so one username is one person (docs/decisions/0009-username-claims.md).
 * <p>
 * Triggers on {@code customer_user} keep the claims whatever writes the rows; the methods here let a service take
 * the claims first and learn which names were taken meanwhile, so a lost race becomes a message instead of an error.
 */
@Component
public class UsernameClaims {

    private final JdbcTemplate jdbc;

    public UsernameClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who holds each of the names that is claimed, by the name as given. Names are folded by the database's
     * {@code lower}, as the triggers fold them, so the application and the triggers never disagree on a key.
     */
    public Map<String, Holder> holders(Collection<String> usernames) {
        Map<String, Holder> holders = new HashMap<>();
        String[] names = usernames.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (names.length == 0) {
            return holders;
        }
        jdbc.query("""
                select w.name, c.customer_id, c.user_id, u.deleted_at
                from unnest(?::text[]) as w(name)
                join username_claim c on c.username = lower(w.name)
                join customer_user u on u.customer_id = c.customer_id and u.id = c.user_id
                """, rs -> {
            Timestamp deletedAt = rs.getTimestamp(4);
            holders.put(rs.getString(1), new Holder(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                    deletedAt == null ? null : deletedAt.toInstant()));
        }, (Object) names);
        return holders;
    }

    /**
     * Lets go of the claims on these names whose holders were deleted and whose restore window has ended: they can
     * no longer be restored, and the purge would release the claims anyway.
     */
    public void releaseExpired(Collection<String> usernames, Instant now, Duration restoreWindow) {
        String[] names = usernames.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (names.length == 0) {
            return;
        }
        jdbc.update("""
                delete from username_claim c using customer_user u
                where c.username in (select lower(name) from unnest(?::text[]) as w(name)) and u.customer_id = c.customer_id and u.id = c.user_id
                  and u.deleted_at is not null and u.deleted_at <= ?
                """, names, Timestamp.from(DirectoryUser.lastExpiredDeletionAt(now, restoreWindow)));
    }

    /**
     * Claims each name for its user, in the caller's transaction. A name another transaction is claiming is waited
     * for; a name held by another user is not taken.
     * @param usernamesByUser the name each user of the customer is to hold
     * @return the users whose name is held by another user; the others hold their names now
     */
    public List<UUID> take(UUID customerId, Map<UUID, String> usernamesByUser) {
        if (usernamesByUser.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<UUID, String>> wanted = new ArrayList<>(usernamesByUser.entrySet());
        UUID[] users = wanted.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
        String[] names = wanted.stream().map(Map.Entry::getValue).toArray(String[]::new);
        // Claimed in name order, so two requests sharing names wait for each other instead of deadlocking. The
        // outer query reads the claims as they were when the statement began: it finds a name the user held
        // already, never one the insert just took or one a concurrent claimer committed meanwhile.
        return jdbc.queryForList("""
                with wanted as (
                    select lower(w.name) as username, w.user_id
                    from unnest(?::text[], ?::uuid[]) as w(name, user_id)),
                taken as (
                    insert into username_claim (username, customer_id, user_id)
                    select username, ?, user_id from wanted order by username
                    on conflict (username) do nothing
                    returning user_id)
                select w.user_id from wanted w
                where not exists (select 1 from taken t where t.user_id = w.user_id)
                  and not exists (select 1 from username_claim c
                                  where c.username = w.username and c.customer_id = ? and c.user_id = w.user_id)
                """, UUID.class, names, users, customerId, customerId);
    }

    /**
     * The invariant, as the rows that break it: active users that do not hold the claim on their own username, and
     * claims whose user is gone or has another name. Empty whenever every path went through the claims.
     */
    public List<String> violations() {
        return jdbc.queryForList("""
                select 'active user without its claim: ' || u.customer_id || '/' || u.id
                from customer_user u
                where u.deleted_at is null
                  and not exists (select 1 from username_claim c
                                  where c.username = lower(u.username) and c.customer_id = u.customer_id
                                    and c.user_id = u.id)
                union all
                select 'claim without its user: ' || c.username
                from username_claim c
                where not exists (select 1 from customer_user u
                                  where u.customer_id = c.customer_id and u.id = c.user_id
                                    and lower(u.username) = c.username)
                """, String.class);
    }

    /**
     * The one rule "username taken or still restorable", for every path that gives a user a name (Add user, the CSV
     * import, Restore and Restore as): who keeps the name from the user.
     * @param holder the claim on the name, or null when nobody claims it
     * @param userId the user that is to hold the name, or null for a user not created yet
     */
    public static Taken takenFrom(Holder holder, UUID customerId, UUID userId, Instant now, Duration restoreWindow) {
        if (holder == null || holder.userId().equals(userId) || !holder.standsAt(now, restoreWindow)) {
            return Taken.FREE;
        }
        if (!holder.customerId().equals(customerId)) {
            return Taken.ELSEWHERE;
        }
        return holder.isDeleted() ? Taken.BY_RESTORABLE_USER : Taken.BY_ACTIVE_USER;
    }

    /** Who keeps a name from a user; a holder in another customer's directory is never named. */
    public enum Taken {
        FREE, BY_ACTIVE_USER, BY_RESTORABLE_USER, ELSEWHERE;

        boolean isTaken() {
            return this != FREE;
        }
    }

    /** The user holding a claim, active ({@code deletedAt} null) or deleted. */
    public record Holder(UUID customerId, UUID userId, Instant deletedAt) {

        /** Whether the claim still stands: the user is active, or deleted and still restorable. */
        boolean standsAt(Instant now, Duration restoreWindow) {
            return deletedAt == null || deletedAt.isAfter(DirectoryUser.lastExpiredDeletionAt(now, restoreWindow));
        }

        boolean isDeleted() {
            return deletedAt != null;
        }
    }
}
