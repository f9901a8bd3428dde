package com.partnerdesk.licensing.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The seat ledger's invariant as one query: every subscription's {@code seats_assigned} equals its assignment rows,
 * and no deleted user holds an assignment. The database keeps it (V095); this query is how tests and operators see
 * that it does. It reads every assignment, so it is for health checks and tests, not for a page.
 */
@Component
public class SeatLedgerConsistency {

    private final JdbcTemplate jdbc;

    SeatLedgerConsistency(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows breaking the invariant; empty when the ledger is consistent. */
    public List<SeatLedgerDrift> findDrift() {
        return jdbc.query("""
                select s.customer_id, s.id, null::uuid as user_id, s.seats_assigned, count(a.user_id)::int
                from subscription s
                left join license_assignment a on a.customer_id = s.customer_id and a.subscription_id = s.id
                group by s.customer_id, s.id
                having s.seats_assigned <> count(a.user_id)
                union all
                select a.customer_id, a.subscription_id, a.user_id, null, null
                from license_assignment a
                join customer_user u on u.customer_id = a.customer_id and u.id = a.user_id
                where u.deleted_at is not null
                """, (rs, row) -> new SeatLedgerDrift(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), rs.getObject(4, Integer.class), rs.getObject(5, Integer.class)));
    }
}
