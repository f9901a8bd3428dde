package com.partnerdesk.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.partnerdesk.licensing.HeldLicense;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code deleted_user_license} table: licenses of deleted users, kept for their restore. */
@Repository
class RememberedLicenses {

    private final JdbcTemplate jdbc;

    RememberedLicenses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void remember(UUID customerId, Collection<HeldLicense> licenses) {
        jdbc.batchUpdate("""
                insert into deleted_user_license (customer_id, user_id, product_sku, subscription_id)
                values (?, ?, ?, ?)
                """, licenses, 500, (statement, license) -> {
            statement.setObject(1, customerId);
            statement.setObject(2, license.userId());
            statement.setString(3, license.sku());
            statement.setObject(4, license.subscriptionId());
        });
    }

    /** Each user's remembered licenses, by product name. */
    Map<UUID, List<RememberedLicense>> of(UUID customerId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                select l.user_id, l.product_sku, p.name, l.subscription_id
                from deleted_user_license l join product p on p.sku = l.product_sku
                where l.customer_id = ? and l.user_id = any(?)
                order by p.name
                """, (rs, row) -> new RememberedLicense(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class)), customerId, userIds.toArray(UUID[]::new))
            .stream()
            .collect(Collectors.groupingBy(RememberedLicense::userId));
    }

    void forget(UUID customerId, Collection<UUID> userIds) {
        jdbc.update("delete from deleted_user_license where customer_id = ? and user_id = any(?)", customerId,
                userIds.toArray(UUID[]::new));
    }
}
