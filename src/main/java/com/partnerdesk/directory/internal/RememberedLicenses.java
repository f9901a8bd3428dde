package com.partnerdesk.directory.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.partnerdesk.licensing.HeldLicense;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.Product;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code deleted_user_license} table: licenses of deleted users, kept for their restore. */
@Repository
public class RememberedLicenses {

    private final JdbcTemplate jdbc;

    private final Licensing licensing;

    RememberedLicenses(JdbcTemplate jdbc, Licensing licensing) {
        this.jdbc = jdbc;
        this.licensing = licensing;
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

    /** Each user's remembered licenses, by product name (the catalogue's order). */
    public Map<UUID, List<RememberedLicense>> of(UUID customerId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        List<Product> catalogue = licensing.catalogue();
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < catalogue.size(); i++) {
            names.put(catalogue.get(i).getSku(), catalogue.get(i).getName());
            order.put(catalogue.get(i).getSku(), i);
        }
        return jdbc.query("""
                select l.user_id, l.product_sku, l.subscription_id
                from deleted_user_license l
                where l.customer_id = ? and l.user_id = any(?)
                """, (rs, row) -> new RememberedLicense(rs.getObject(1, UUID.class), rs.getString(2),
                names.get(rs.getString(2)), rs.getObject(3, UUID.class)), customerId, userIds.toArray(UUID[]::new))
            .stream()
            .sorted(Comparator.comparing(license -> order.get(license.sku())))
            .collect(Collectors.groupingBy(RememberedLicense::userId));
    }

    void forget(UUID customerId, Collection<UUID> userIds) {
        jdbc.update("delete from deleted_user_license where customer_id = ? and user_id = any(?)", customerId,
                userIds.toArray(UUID[]::new));
    }
}
