package com.partnerdesk.licensing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.licensing.Seats;
import com.partnerdesk.licensing.SeatsExhausted;
import com.partnerdesk.licensing.Subscription;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes license assignments inside the caller's transaction, set-based.
 * <p>
 * The seat counter is a consequence of the rows: triggers on {@code license_assignment} (V095) move
 * {@code seats_assigned} by the rows each statement inserts or deletes, whoever runs it, a cascade included, and
 * {@code ck_subscription_seats_within_total} refuses a statement that would oversell. What this class adds is the
 * order of locks every path keeps — the users' rows first (their owner, the directory, takes them before it calls),
 * then the subscriptions by id — and a refusal that says how many seats are free, judged under the subscription's
 * row lock before anything is written.
 */
@Component
public class SeatLedger {

    private final JdbcTemplate jdbc;

    SeatLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Assigns the subscription to those of the users who do not hold it yet. The users are the directory's: the caller
     * has locked their rows (before any subscription, the order of every path) and passes only active ones; the
     * insert trigger (V095) refuses a deleted user all the same.
     * @return the users who newly got it (users already holding it cost nothing)
     * @throws SeatsExhausted when the free seats do not suffice; the caller's transaction must roll back
     */
    public List<UUID> assign(Subscription subscription, Collection<UUID> userIds, Instant now) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        UUID[] ids = userIds.stream().distinct().toArray(UUID[]::new);
        int available = lockFreeSeats(subscription.getCustomerId(), List.of(subscription.getId()))
            .getOrDefault(subscription.getId(), 0);
        Integer needed = jdbc.queryForObject("""
                select count(*) from unnest(?::uuid[]) as u(id)
                where not exists (select 1 from license_assignment a
                                  where a.customer_id = ? and a.subscription_id = ? and a.user_id = u.id)
                """, Integer.class, ids, subscription.getCustomerId(), subscription.getId());
        if (needed > available) {
            throw new SeatsExhausted(subscription.getId(), subscription.getProductName(), needed, available);
        }
        return jdbc.queryForList("""
                insert into license_assignment (customer_id, user_id, subscription_id, assigned_at)
                select ?, u.id, ?, ?
                from unnest(?::uuid[]) as u(id)
                on conflict do nothing
                returning user_id
                """, UUID.class, subscription.getCustomerId(), subscription.getId(), Timestamp.from(now), ids);
    }

    /**
     * Takes the subscription away from those of the users who hold it; their seats are free at once.
     * @return the users who gave it back
     */
    public List<UUID> remove(Subscription subscription, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("""
                delete from license_assignment
                where customer_id = ? and subscription_id = ? and user_id = any(?)
                returning user_id
                """, UUID.class, subscription.getCustomerId(), subscription.getId(), userIds.toArray(UUID[]::new));
    }

    /**
     * Locks the subscriptions' rows in one fixed order for the rest of the transaction, so that two saves touching
     * the same subscriptions in different orders wait for each other instead of deadlocking. "No key update", like
     * the counter's own update: it does not block the key-share locks that foreign keys take on a subscription (a
     * deletion remembering its users' licenses takes them in product order, not in id order).
     */
    public void lock(UUID customerId, Collection<UUID> subscriptionIds) {
        jdbc.queryForList("""
                select id from subscription where customer_id = ? and id = any(?) order by id for no key update
                """, UUID.class, customerId, subscriptionIds.toArray(UUID[]::new));
    }

    /**
     * Changes the number of seats, refusing to go below the seats in use at the moment of the update.
     * @return whether the change was made
     */
    public boolean changeSeatsTotal(Subscription subscription, int seatsTotal) {
        return jdbc.update("""
                update subscription set seats_total = ?
                where customer_id = ? and id = ? and seats_assigned <= ?
                """, seatsTotal, subscription.getCustomerId(), subscription.getId(), seatsTotal) == 1;
    }

    /**
     * Locks the seat counters of the customer's subscriptions among {@code subscriptionIds} until the caller's
     * transaction ends, in id order so that two callers never deadlock, and returns their free seats.
     */
    public Map<UUID, Integer> lockFreeSeats(UUID customerId, Collection<UUID> subscriptionIds) {
        Map<UUID, Integer> free = new LinkedHashMap<>();
        if (subscriptionIds.isEmpty()) {
            return free;
        }
        jdbc.query("""
                select id, seats_total - seats_assigned from subscription
                where customer_id = ? and id = any(?)
                order by id
                for no key update
                """, rs -> {
            free.put(rs.getObject(1, UUID.class), rs.getInt(2));
        }, customerId, subscriptionIds.toArray(UUID[]::new));
        return free;
    }

    /** The seats as they are now in the database, which may be newer than the entity's. */
    public Seats seats(Subscription subscription) {
        return jdbc.queryForObject("select seats_total, seats_assigned from subscription where customer_id = ? and id = ?",
                (rs, row) -> new Seats(rs.getInt(1), rs.getInt(2)), subscription.getCustomerId(), subscription.getId());
    }
}
