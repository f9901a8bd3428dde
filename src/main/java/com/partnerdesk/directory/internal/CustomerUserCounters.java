package com.partnerdesk.directory.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.customer.CustomerUserCounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The customers' active users from the counters the database keeps (V020), for the customers list. */
@Component
class CustomerUserCounters implements CustomerUserCounts {

    private final JdbcTemplate jdbc;

    CustomerUserCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Long> activeUsers(Collection<UUID> customerIds) {
        Map<UUID, Long> counts = new HashMap<>();
        jdbc.query("select customer_id, active_users from customer_user_count where customer_id = any(?)", rs -> {
            counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }, (Object) customerIds.toArray(UUID[]::new));
        return counts;
    }
}
