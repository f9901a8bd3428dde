package com.partnerdesk.directory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users an admin selected on the list, kept in the database for a bulk action (Manage licenses, Reset password,
 * Delete). A selection belongs to one customer and the staff member who made it.
 */
@Service
public class UserSelections {

    static final Duration LIFETIME = Duration.ofHours(8);

    private final JdbcTemplate jdbc;

    private final UserSearch search;

    private final Clock clock;

    UserSelections(JdbcTemplate jdbc, UserSearch search, Clock clock) {
        this.jdbc = jdbc;
        this.search = search;
        this.clock = clock;
    }

    /**
     * Stores a selection of the given users.
     * @throws SelectionNotFound when any id is not an active user of the customer: the whole selection is refused
     */
    @Transactional
    public UUID create(UUID customerId, Collection<UUID> userIds, String staffUsername) {
        Set<UUID> distinct = new LinkedHashSet<>(userIds);
        UUID[] ids = distinct.toArray(UUID[]::new);
        Integer active = jdbc.queryForObject(
                "select count(*) from customer_user where customer_id = ? and id = any(?) and deleted_at is null",
                Integer.class, customerId, ids);
        UUID selectionId = UUID.randomUUID();
        if (distinct.isEmpty() || active == null || active != distinct.size()) {
            throw new SelectionNotFound(selectionId);
        }
        return store(customerId, selectionId, ids, staffUsername);
    }

    /** Stores a selection of every active user matching the filter at this moment. */
    @Transactional
    public UUID createMatching(UUID customerId, UserFilter filter, String staffUsername) {
        List<UUID> ids = search.matchingIds(customerId, filter);
        if (ids.isEmpty()) {
            throw new SelectionNotFound(null);
        }
        return store(customerId, UUID.randomUUID(), ids.toArray(UUID[]::new), staffUsername);
    }

    /**
     * The selected users that are still active users of the customer, in the order they were selected.
     * @throws SelectionNotFound for an unknown or expired selection, or one made by another staff member
     */
    @Transactional(readOnly = true)
    public List<UUID> userIds(UUID customerId, UUID selectionId) {
        List<UUID[]> found = jdbc.query("""
                select user_ids from user_selection
                where customer_id = ? and id = ? and staff_username = ? and expires_at > ?
                """, (rs, row) -> (UUID[]) rs.getArray(1).getArray(), customerId, selectionId, currentStaff(),
                Timestamp.from(clock.instant()));
        if (found.isEmpty()) {
            throw new SelectionNotFound(selectionId);
        }
        return jdbc.queryForList("""
                select u.id from unnest(?::uuid[]) with ordinality as s(id, position)
                join customer_user u on u.customer_id = ? and u.id = s.id and u.deleted_at is null
                order by s.position
                """, UUID.class, found.get(0), customerId);
    }

    private UUID store(UUID customerId, UUID selectionId, UUID[] ids, String staffUsername) {
        Instant now = clock.instant();
        jdbc.update("delete from user_selection where expires_at <= ?", Timestamp.from(now));
        jdbc.update("""
                insert into user_selection (customer_id, id, staff_username, user_ids, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)
                """, customerId, selectionId, staffUsername, ids, Timestamp.from(now),
                Timestamp.from(now.plus(LIFETIME)));
        return selectionId;
    }

    private static String currentStaff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }
}
