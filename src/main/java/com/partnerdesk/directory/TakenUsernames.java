package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.partnerdesk.directory.internal.DirectorySettings;
import com.partnerdesk.directory.internal.DirectoryUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which of many usernames a customer cannot give to new users, set-based for the CSV import's preview: an active user
 * of the customer has it, a deleted one can still be restored with it (a new account would be a second one for the
 * same person), or a user of another customer claims it (docs/decisions/0009-username-claims.md).
 */
@Service
public class TakenUsernames {

    private final JdbcTemplate jdbc;

    private final DirectorySettings settings;

    /** Public so that a test can judge names under another restore window than the running application's. */
    public TakenUsernames(JdbcTemplate jdbc, DirectorySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * The taken ones among the names, in one statement however many there are. The names must be folded by the
     * database's {@code lower} (read them as {@code lower(…)}), as the claims are; the others are free.
     */
    @Transactional
    public List<TakenUsername> among(UUID customerId, Collection<String> foldedUsernames, Instant now) {
        String[] names = foldedUsernames.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (names.length == 0) {
            return List.of();
        }
        Duration window = settings.restoreWindow();
        Timestamp expired = Timestamp.from(DirectoryUser.lastExpiredDeletionAt(now, window));
        // Users just created by the previous import have no statistics yet; the planner then takes the customer's
        // deleted users for one row and joins them in a nested loop, comparing every name with every user: minutes
        // for a re-upload of a few thousand users. Hash joins are linear whatever the statistics say. The setting
        // is put back afterwards, so a caller's transaction plans its own statements as before.
        String nestedLoops = jdbc.queryForObject("select current_setting('enable_nestloop')", String.class);
        jdbc.queryForObject("select set_config('enable_nestloop', 'off', true)", String.class);
        List<TakenUsername> taken = jdbc.query("""
                with names as (select distinct n.username from unnest(?::text[]) as n(username)),
                active as (select lower(u.username) as username, u.username as spelled
                           from customer_user u join names n on lower(u.username) = n.username
                           where u.customer_id = ? and u.deleted_at is null),
                restorable as (select lower(u.username) as username, max(u.deleted_at) as deleted_at
                               from customer_user u join names n on lower(u.username) = n.username
                               where u.customer_id = ? and u.deleted_at > ?
                               group by lower(u.username)),
                elsewhere as (select c.username
                              from username_claim c join names n on c.username = n.username
                              join customer_user u on u.customer_id = c.customer_id and u.id = c.user_id
                              where c.customer_id <> ? and (u.deleted_at is null or u.deleted_at > ?))
                select n.username, a.spelled, case when a.username is null then r.deleted_at end,
                       e.username is not null
                from names n
                left join active a on a.username = n.username
                left join restorable r on r.username = n.username
                left join elsewhere e on e.username = n.username
                where a.username is not null or r.username is not null or e.username is not null
                """, (rs, row) -> {
            Timestamp deletedAt = rs.getTimestamp(3);
            return new TakenUsername(rs.getString(1), rs.getString(2),
                    deletedAt == null ? null : deletedAt.toInstant().plus(window), rs.getBoolean(4));
        }, names, customerId, customerId, expired, customerId, expired);
        jdbc.queryForObject("select set_config('enable_nestloop', ?, true)", String.class, nestedLoops);
        return taken;
    }
}
