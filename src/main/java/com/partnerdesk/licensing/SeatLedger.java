package com.partnerdesk.licensing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes license assignments and the seat counter together, set-based, inside the caller's transaction.
 * <p>
 * Assignment rows are inserted first and the counter is then raised by exactly the number of rows inserted, with a
 * conditional update that matches no row when the seats would overflow. The update's row lock serialises concurrent
 * writers of one subscription across all instances; the {@code ck_subscription_seats_within_total} check is the last
 * line of defence.
 */
@Component
class SeatLedger {

    private final JdbcTemplate jdbc;

    SeatLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Assigns the subscription to those of the users who do not hold it yet.
     * @return the users who newly got it (users already holding it cost nothing)
     * @throws SeatsExhausted when the free seats do not suffice; the caller's transaction must roll back
     */
    List<UUID> assign(Subscription subscription, Collection<UUID> userIds, Instant now) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        List<UUID> added = jdbc.queryForList("""
                insert into license_assignment (customer_id, user_id, subscription_id, assigned_at)
                select u.customer_id, u.id, ?, ?
                from customer_user u
                where u.customer_id = ? and u.id = any(?) and u.deleted_at is null
                on conflict do nothing
                returning user_id
                """, UUID.class, subscription.getId(), Timestamp.from(now), subscription.getCustomerId(),
                userIds.toArray(UUID[]::new));
        int seats = added.size();
        if (seats > 0) {
            int updated = jdbc.update("""
                    update subscription set seats_assigned = seats_assigned + ?
                    where customer_id = ? and id = ? and seats_assigned + ? <= seats_total
                    """, seats, subscription.getCustomerId(), subscription.getId(), seats);
            if (updated == 0) {
                throw new SeatsExhausted(subscription.getId(), subscription.getProductName(), seats,
                        availableSeats(subscription));
            }
        }
        return added;
    }

    /**
     * Takes the subscription away from those of the users who hold it; their seats are free at once.
     * @return the users who gave it back
     */
    List<UUID> remove(Subscription subscription, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        List<UUID> removed = jdbc.queryForList("""
                delete from license_assignment
                where customer_id = ? and subscription_id = ? and user_id = any(?)
                returning user_id
                """, UUID.class, subscription.getCustomerId(), subscription.getId(), userIds.toArray(UUID[]::new));
        if (!removed.isEmpty()) {
            jdbc.update("update subscription set seats_assigned = seats_assigned - ? where customer_id = ? and id = ?",
                    removed.size(), subscription.getCustomerId(), subscription.getId());
        }
        return removed;
    }

    /**
     * Locks the subscriptions' rows in one fixed order for the rest of the transaction, so that two saves touching
     * the same subscriptions in different orders wait for each other instead of deadlocking.
     */
    void lock(UUID customerId, Collection<UUID> subscriptionIds) {
        jdbc.queryForList("select id from subscription where customer_id = ? and id = any(?) order by id for update",
                UUID.class, customerId, subscriptionIds.toArray(UUID[]::new));
    }

    /**
     * Changes the number of seats, refusing to go below the seats in use at the moment of the update.
     * @return whether the change was made
     */
    boolean changeSeatsTotal(Subscription subscription, int seatsTotal) {
        return jdbc.update("""
                update subscription set seats_total = ?
                where customer_id = ? and id = ? and seats_assigned <= ?
                """, seatsTotal, subscription.getCustomerId(), subscription.getId(), seatsTotal) == 1;
    }

    /** The seats as they are now in the database, which may be newer than the entity's. */
    Seats seats(Subscription subscription) {
        return jdbc.queryForObject("select seats_total, seats_assigned from subscription where customer_id = ? and id = ?",
                (rs, row) -> new Seats(rs.getInt(1), rs.getInt(2)), subscription.getCustomerId(), subscription.getId());
    }

    private int availableSeats(Subscription subscription) {
        return seats(subscription).available();
    }
}
