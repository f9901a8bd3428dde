package com.partnerdesk.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.partnerdesk.directory.internal.UsernameClaims;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims migration on a database that already holds twins: the same username active in two customers, and
 * active and deleted in one. It must not fail, and it must choose the holders the same way every time.
 */
@SpringBootTest
class UsernameClaimBackfillTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void existingTwinsGetOneClaimEachChosenInAFixedOrderAndTheOthersAreReported() throws Exception {
        String database = "backfill_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("create database " + database);
        String url = hikari().getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        SingleConnectionDataSource fresh = new SingleConnectionDataSource(url,
                hikari().getUsername(), hikari().getPassword(), true);
        try {
            Flyway.configure().dataSource(fresh).locations("classpath:db/migration").target("094").load().migrate();
            JdbcTemplate before = new JdbcTemplate(fresh);
            UUID first = customer(before, "first.example");
            UUID second = customer(before, "second.example");
            UUID older = user(before, first, "ada@shared.example", "2024-01-01", null);
            UUID newer = user(before, second, "ADA@shared.example", "2025-01-01", null);
            UUID deletedTwin = user(before, first, "grace@first.example", "2023-01-01", "2025-06-01");
            UUID activeTwin = user(before, first, "Grace@first.example", "2025-01-01", null);
            UUID deletedEarlier = user(before, second, "linus@second.example", "2023-01-01", "2025-01-01");
            UUID deletedLater = user(before, second, "linus@second.example", "2023-02-01", "2025-05-01");

            Flyway.configure().dataSource(fresh).locations("classpath:db/migration").load().migrate();

            Map<String, UUID> holders = new HashMap<>();
            before.query("select username, user_id from username_claim",
                    rs -> { holders.put(rs.getString(1), rs.getObject(2, UUID.class)); });
            assertThat(holders).containsExactlyInAnyOrderEntriesOf(Map.of("ada@shared.example", older,
                    "grace@first.example", activeTwin, "linus@second.example", deletedLater));
            List<String> violations = new UsernameClaims(before).violations();
            assertThat(violations).singleElement().asString().contains(newer.toString());
            assertThat(List.of(deletedTwin, deletedEarlier)).doesNotContainAnyElementsOf(holders.values());
        }
        finally {
            fresh.destroy();
            jdbc.execute("drop database " + database + " with (force)");
        }
    }

    private HikariDataSource hikari() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        }
        catch (java.sql.SQLException notHikari) {
            throw new IllegalStateException(notHikari);
        }
    }

    private static UUID customer(JdbcTemplate jdbc, String domain) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into customer (id, company_name, created_at, updated_at) values (?, ?, now(), now())", id,
                domain);
        jdbc.update("insert into customer_domain (customer_id, domain, position) values (?, ?, 0)", id, domain);
        return id;
    }

    private static UUID user(JdbcTemplate jdbc, UUID customerId, String username, String createdAt, String deletedAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into customer_user (customer_id, id, display_name, username, created_at, updated_at,
                                           deleted_at, deleted_by)
                values (?, ?, 'Twin', ?, cast(? as timestamptz), now(), cast(? as timestamptz), ?)
                """, customerId, id, username, createdAt, deletedAt, deletedAt == null ? null : "admin");
        return id;
    }
}
