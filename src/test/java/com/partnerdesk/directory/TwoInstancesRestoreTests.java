package com.partnerdesk.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.partnerdesk.directory.internal.RestoreReport;
import com.partnerdesk.directory.internal.RestoreRequest;
import com.partnerdesk.directory.internal.UserDeletion;
import com.partnerdesk.directory.internal.UserRestoration;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.SeatsExhausted;
import com.partnerdesk.support.SecondInstance;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database: one restores deleted users while the other assigns the same product's
 * last seats to active users. The seats are never oversold, and what each side reports matches what it got.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TwoInstancesRestoreTests {

    private static final int ROUNDS = 8;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDeletion deletion;

    @Autowired
    UserRestoration restoration;

    @Test
    void restoringAndAssigningAgainstTheLastSeatsNeverOversells() throws Exception {
        Licensing otherLicensing = SecondInstance.bean(Licensing.class);
        TransactionTemplate otherTransaction = SecondInstance.bean(TransactionTemplate.class);
        TestData data = new TestData(jdbc);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                TestCustomer customer = data.customer("Race Northwind");
                UUID e5 = data.subscription(customer.id(), "SPE_E5", 5);
                List<UUID> deleted = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    UUID user = data.user(customer, "Deleted " + i, "deleted" + i);
                    data.assign(customer.id(), e5, List.of(user));
                    deleted.add(user);
                }
                deletion.delete(customer.id(), deleted, false, "admin");
                data.assign(customer.id(), e5, List.of(data.user(customer, "Holder", "holder"),
                        data.user(customer, "Holder Two", "holder2")));
                // 3 seats are free: the restore wants 3, the other instance wants 2 for active users.
                List<UUID> newcomers = List.of(data.user(customer, "New One", "new1"), data.user(customer, "New Two", "new2"));

                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Integer> restore = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    RestoreReport report = restoration.restore(customer.id(),
                            deleted.stream().map(RestoreRequest::asBefore).toList()).report();
                    return (int) report.users().stream().mapToLong(u -> u.licensesRestored().size()).sum();
                };
                Callable<Integer> assign = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        return otherTransaction.execute(status -> otherLicensing.assign(customer.id(), e5, newcomers));
                    }
                    catch (SeatsExhausted exhausted) {
                        return 0;
                    }
                };
                Future<Integer> restored = pool.submit(restore);
                Future<Integer> assigned = pool.submit(assign);
                int restoredSeats = restored.get(60, TimeUnit.SECONDS);
                int assignedSeats = assigned.get(60, TimeUnit.SECONDS);

                int seatsAssigned = jdbc.queryForObject("select seats_assigned from subscription where id = ?",
                        Integer.class, e5);
                long rows = jdbc.queryForObject("select count(*) from license_assignment where subscription_id = ?",
                        Long.class, e5);
                assertThat(seatsAssigned).isLessThanOrEqualTo(5).isEqualTo(rows).isEqualTo(2 + restoredSeats + assignedSeats);
                // Whoever came second got what was left: the assignment all or nothing, the restore seat by seat.
                assertThat(restoredSeats + assignedSeats).isEqualTo(3);
                assertThat(assignedSeats).isIn(0, 2);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }
}
