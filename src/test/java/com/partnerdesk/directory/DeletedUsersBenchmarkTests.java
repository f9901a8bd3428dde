package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.directory.internal.RestoreReport.UserOutcome;
import com.partnerdesk.directory.internal.DeletedUserPurge;
import com.partnerdesk.directory.internal.RestoreReport;
import com.partnerdesk.directory.internal.RestoreRequest;
import com.partnerdesk.directory.internal.UserDeletion;
import com.partnerdesk.directory.internal.UserRestoration;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restore 1,000 users in one request; purge 100,000 expired users. Prints time and the longest lock held; see
 * docs/benchmarks.md. Run with {@code ./mvnw -o -Pbenchmarks test -Dtest=DeletedUsersBenchmarkTests}.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
class DeletedUsersBenchmarkTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDeletion deletion;

    @Autowired
    UserRestoration restoration;

    @Autowired
    DeletedUserPurge purge;

    @Test
    void restoresAThousandUsersInOneRequest() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Bench Restore");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 1000);
        UUID powerBi = data.subscription(customer.id(), "POWER_BI_PRO", 1000);
        List<UUID> users = jdbc.queryForList("""
                insert into customer_user (customer_id, id, display_name, username, created_at, updated_at)
                select ?, gen_random_uuid(), 'Bench User ' || n, 'bench' || n || '@' || ?, now(), now()
                from generate_series(1, 1000) n
                returning id
                """, UUID.class, customer.id(), customer.domain());
        data.assign(customer.id(), e3, users);
        data.assign(customer.id(), powerBi, users);
        long deleteStarted = System.nanoTime();
        deletion.delete(customer.id(), users, false, "bench");
        Duration deleting = Duration.ofNanos(System.nanoTime() - deleteStarted);
        // Half the Power BI seats are gone meanwhile: 500 users get it back, 500 are told why not.
        jdbc.update("update subscription set seats_total = 500 where id = ?", powerBi);

        long started = System.nanoTime();
        RestoreReport report = restoration.restore(customer.id(), users.stream().map(RestoreRequest::asBefore).toList())
            .report();
        Duration restoring = Duration.ofNanos(System.nanoTime() - started);

        assertThat(report.restoredCount()).isEqualTo(1000);
        assertThat(report.users().stream().mapToInt(u -> u.licensesRestored().size()).sum()).isEqualTo(1500);
        assertThat(report.users().stream().filter(u -> !u.licensesNotRestored().isEmpty()).map(UserOutcome::userId))
            .hasSize(500);
        System.out.printf("BENCHMARK delete 1,000 users (2 licenses each) in one request: %d ms%n", deleting.toMillis());
        System.out.printf("BENCHMARK restore 1,000 users (1,500 licenses back, 500 reported) in one request: %d ms"
                + " (one transaction: the seat counters of both subscriptions are locked for that long)%n",
                restoring.toMillis());
    }

    @Test
    void purgesAHundredThousandExpiredUsers() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Bench Purge");
        data.subscription(customer.id(), "SPE_E3", 10);
        Instant expired = Instant.now().minus(Duration.ofDays(31));
        jdbc.update("""
                insert into customer_user (customer_id, id, display_name, username, created_at, updated_at,
                                           deleted_at, deleted_by)
                select ?, gen_random_uuid(), 'Expired ' || n, 'expired' || n || '@' || ?, now(), now(), ?, 'bench'
                from generate_series(1, 100000) n
                """, customer.id(), customer.domain(), Timestamp.from(expired));
        jdbc.update("""
                insert into deleted_user_license (customer_id, user_id, product_sku, subscription_id)
                select u.customer_id, u.id, 'SPE_E3', s.id
                from customer_user u join subscription s on s.customer_id = u.customer_id
                where u.customer_id = ?
                """, customer.id());

        long started = System.nanoTime();
        DeletedUserPurge.Result result = purge.purgeExpired();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Long.class,
                customer.id())).isZero();
        assertThat(result.usersPurged()).isGreaterThanOrEqualTo(100_000);
        System.out.printf("BENCHMARK purge %,d expired users (with remembered licenses and audit entries): %d ms in"
                + " %d batches, longest batch (longest lock held) %d ms%n", result.usersPurged(), took.toMillis(),
                result.batches(), result.longestBatch().toMillis());
    }
}
