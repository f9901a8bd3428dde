package com.partnerdesk.licensing.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.customer.CustomerSubscriptionCounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How many subscriptions each customer has, for the customers list. */
@Component
class SubscriptionCounts implements CustomerSubscriptionCounts {

    private final JdbcTemplate jdbc;

    SubscriptionCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Long> subscriptions(Collection<UUID> customerIds) {
        Map<UUID, Long> counts = new HashMap<>();
        jdbc.query("select customer_id, count(*) from subscription where customer_id = any(?) group by customer_id",
                rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }, (Object) customerIds.toArray(UUID[]::new));
        return counts;
    }
}
