package com.partnerdesk.directory.internal;

import java.util.Locale;
import java.util.UUID;

import com.partnerdesk.customer.DomainUsage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the active users whose username ends in {@code @domain}, so a domain in use is not removed; and releases the
 * username claims of the deleted users on a removed domain, so that the domain can move to another customer.
 */
@Component
class UsernameDomainUsage implements DomainUsage {

    private final JdbcClient jdbc;

    UsernameDomainUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long activeUsernamesOn(UUID customerId, String domain) {
        return jdbc.sql("""
                select count(*) from customer_user
                where customer_id = :customerId and deleted_at is null
                  and lower(split_part(username, '@', 2)) = :domain
                """)
            .param("customerId", customerId)
            .param("domain", domain.toLowerCase(Locale.ROOT))
            .query(Long.class)
            .single();
    }

    @Override
    public void domainDropped(UUID customerId, String domain) {
        jdbc.sql("""
                delete from username_claim c using customer_user u
                where u.customer_id = :customerId and u.deleted_at is not null
                  and lower(split_part(u.username, '@', 2)) = :domain
                  and c.customer_id = u.customer_id and c.user_id = u.id
                """)
            .param("customerId", customerId)
            .param("domain", domain.toLowerCase(Locale.ROOT))
            .update();
    }
}
