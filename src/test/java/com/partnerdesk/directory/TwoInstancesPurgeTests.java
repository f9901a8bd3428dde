package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.partnerdesk.directory.internal.DeletedUserPurge;
import com.partnerdesk.directory.internal.DeletedUserPurgeJob;
import com.partnerdesk.directory.internal.UserDeletion;
import com.partnerdesk.support.SecondInstance;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge on two application instances at once: each expired user is purged and audited once, users inside their
 * window are untouched, and running it again changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TwoInstancesPurgeTests {

    private static final Duration WINDOW = Duration.ofDays(30);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDeletion deletion;

    @Autowired
    DeletedUserPurge purge;

    @Autowired
    DeletedUserPurgeJob job;

    @Test
    void theScheduledJobRunsOnOneInstanceAndPurgesEachExpiredUserOnce() throws Exception {
        Scenario scenario = new Scenario(1500);
        DeletedUserPurgeJob otherJob = SecondInstance.bean(DeletedUserPurgeJob.class);

        runTogether(job::run, otherJob::run);

        scenario.assertExpiredPurgedOnceAndOthersUntouched();
        long purgedBefore = purgedAuditEntries(scenario.customer);
        purge.purgeExpired();
        SecondInstance.bean(DeletedUserPurge.class).purgeExpired();
        assertThat(purgedAuditEntries(scenario.customer)).isEqualTo(purgedBefore);
        scenario.assertExpiredPurgedOnceAndOthersUntouched();
    }

    @Test
    void evenUnlockedPurgesRunningAtOncePurgeEachUserOnce() throws Exception {
        Scenario scenario = new Scenario(2500);
        DeletedUserPurge otherPurge = SecondInstance.bean(DeletedUserPurge.class);

        runTogether(purge::purgeExpired, otherPurge::purgeExpired);

        scenario.assertExpiredPurgedOnceAndOthersUntouched();
    }

    private static void runTogether(Runnable first, Runnable second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<?>> runs = new ArrayList<>();
            for (Runnable run : List.of(first, second)) {
                runs.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    run.run();
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private long purgedAuditEntries(TestCustomer customer) {
        return jdbc.queryForObject("select count(*) from audit_entry where customer_id = ? and action = 'user.purged'",
                Long.class, customer.id());
    }

    /** Many users past their window (more than one batch), one just inside it, one active, with remembered licenses. */
    private final class Scenario {

        final TestCustomer customer;

        final UUID justInside;

        final UUID active;

        final int expired;

        Scenario(int expired) {
            this.expired = expired;
            TestData data = new TestData(jdbc);
            customer = data.customer("Purge Adatum");
            UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
            justInside = data.user(customer, "Just Inside", "inside");
            active = data.user(customer, "Still Active", "active");
            UUID remembered = data.user(customer, "Remembered License", "remembered");
            data.assign(customer.id(), e3, List.of(justInside, remembered));
            deletion.delete(customer.id(), List.of(justInside, remembered), false, "admin");
            Instant now = Instant.now();
            jdbc.update("""
                    insert into customer_user (customer_id, id, display_name, username, created_at, updated_at,
                                               deleted_at, deleted_by)
                    select ?, gen_random_uuid(), 'Expired ' || n, 'expired' || n || '@' || ?, now(), now(), ?, 'admin'
                    from generate_series(1, ?) n
                    """, customer.id(), customer.domain(), Timestamp.from(now.minus(WINDOW).minusSeconds(60)),
                    expired - 1);
            jdbc.update("update customer_user set deleted_at = ? where id = ?",
                    Timestamp.from(now.minus(WINDOW).minusSeconds(60)), remembered);
            // Well inside: the purge's own "now" is later than this one, by far less than an hour.
            jdbc.update("update customer_user set deleted_at = ? where id = ?",
                    Timestamp.from(now.minus(WINDOW).plus(Duration.ofHours(1))), justInside);
        }

        void assertExpiredPurgedOnceAndOthersUntouched() {
            assertThat(jdbc.queryForList("select id from customer_user where customer_id = ? order by username",
                    UUID.class, customer.id())).containsExactlyInAnyOrder(justInside, active);
            assertThat(jdbc.queryForObject("""
                    select count(*) from audit_entry where customer_id = ? and action = 'user.purged'
                    """, Long.class, customer.id())).isEqualTo(expired);
            assertThat(jdbc.queryForObject("""
                    select count(distinct target) from audit_entry where customer_id = ? and action = 'user.purged'
                    """, Long.class, customer.id())).isEqualTo(expired);
            assertThat(jdbc.queryForObject("select count(*) from deleted_user_license where customer_id = ?",
                    Long.class, customer.id())).isEqualTo(1);
            assertThat(jdbc.queryForList("""
                    select coalesce(details, '') from audit_entry where customer_id = ? and action = 'user.purged'
                    """, String.class, customer.id())).containsOnly("");
        }
    }
}
