package com.partnerdesk.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds the rows a test needs directly in the database. Every customer gets a domain of its own, so tests that share
 * one database (the Spring test context cache shares it) never see each other's data.
 */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** The password of every staff member created by {@link #staff}. */
    public static final String STAFF_PASSWORD = "correct horse battery staple";

    private final JdbcTemplate jdbc;

    public TestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer with one verified domain derived from {@code name}, unique per call. */
    public TestCustomer customer(String name) {
        int n = SEQUENCE.incrementAndGet();
        String domain = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + n + "-" + System.nanoTime() % 100000
                + ".example";
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into customer (id, company_name, created_at, updated_at) values (?, ?, ?, ?)", id,
                name + " " + n, now, now);
        jdbc.update("insert into customer_domain (customer_id, domain, position) values (?, ?, 0)", id, domain);
        return new TestCustomer(id, name + " " + n, domain);
    }

    public UUID subscription(UUID customerId, String sku, int seats) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into subscription (customer_id, id, product_sku, seats_total, seats_assigned, created_at)
                values (?, ?, ?, ?, 0, now())
                """, customerId, id, sku, seats);
        return id;
    }

    /** An active user; {@code roles} are {@code AdminRole} names. */
    public UUID user(TestCustomer customer, String displayName, String localPart, String... roles) {
        UUID id = UUID.randomUUID();
        String[] names = displayName.split(" ", 2);
        jdbc.update("""
                insert into customer_user (customer_id, id, first_name, last_name, display_name, username,
                                           usage_location, admin_roles, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'ES', cast(? as text[]), now(), now())
                """, customer.id(), id, names[0], names.length > 1 ? names[1] : null, displayName,
                localPart + "@" + customer.domain(), "{" + String.join(",", roles) + "}");
        return id;
    }

    /**
     * Gives the users the subscription, bypassing the application on purpose; the database moves the seat counter
     * (V095).
     */
    public void assign(UUID customerId, UUID subscriptionId, List<UUID> userIds) {
        jdbc.update("""
                insert into license_assignment (customer_id, user_id, subscription_id, assigned_at)
                select ?, unnest(?), ?, now()
                """, customerId, userIds.toArray(UUID[]::new), subscriptionId);
    }

    /** A staff member with {@link #STAFF_PASSWORD}; returns the unique username. */
    public String staff(String role) {
        String username = role.toLowerCase().replace("_agent", "") + "-" + SEQUENCE.incrementAndGet();
        UUID partnerId = jdbc.query("select id from partner", (rs, row) -> rs.getObject(1, UUID.class))
            .stream()
            .findFirst()
            .orElseGet(() -> {
                UUID id = UUID.randomUUID();
                jdbc.update("insert into partner (id, name) values (?, 'Test Partner')", id);
                return id;
            });
        jdbc.update("""
                insert into staff_member (id, partner_id, username, display_name, email, role, password_hash, created_at)
                values (?, ?, ?, ?, ?, ?, ?, now())
                """, UUID.randomUUID(), partnerId, username, "Test " + username, username + "@partner.example", role,
                PASSWORDS.encode(STAFF_PASSWORD));
        return username;
    }

    /** The id of a staff member stored with {@link #staff}. */
    public UUID staffId(String username) {
        return jdbc.queryForObject("select id from staff_member where username = ?", UUID.class, username);
    }

    public record TestCustomer(UUID id, String name, String domain) {
    }
}
