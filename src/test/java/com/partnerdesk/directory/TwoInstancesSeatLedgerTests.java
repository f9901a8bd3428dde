package com.partnerdesk.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.partnerdesk.directory.internal.DeletedUserPurge;
import com.partnerdesk.directory.internal.LicenseDecision;
import com.partnerdesk.directory.internal.RestoreRequest;
import com.partnerdesk.directory.internal.UserDeletedMeanwhile;
import com.partnerdesk.directory.internal.UserDeletion;
import com.partnerdesk.directory.internal.UserLicenses;
import com.partnerdesk.directory.internal.UserRestoration;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.SeatsExhausted;
import com.partnerdesk.licensing.internal.SeatCountBelowAssigned;
import com.partnerdesk.licensing.internal.SeatLedgerConsistency;
import com.partnerdesk.support.SecondInstance;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database delete, assign, remove, restore, import and change seats over the same
 * 1,000 users at the same moments. Whatever the interleaving, every seat counter equals its assignments, no deleted
 * user holds a license, and purging the deleted users afterwards leaves the counters right.
 */
@SpringBootTest
class TwoInstancesSeatLedgerTests {

    private static final int USERS = 1000;

    private static final int ROUNDS = 8;

    private static final int SLICE = 40;

    /** The answers a lost race may get; anything else (a deadlock, a constraint error) is a failure. */
    private static final Set<Class<? extends Throwable>> EXPECTED_REFUSALS = Set.of(UserDeletedMeanwhile.class,
            SeatsExhausted.class, SeatCountBelowAssigned.class);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDeletion deletion;

    @Autowired
    UserLicenses licenses;

    @Autowired
    UserCreation creation;

    @Autowired
    DeletedUserPurge purge;

    @Autowired
    SeatLedgerConsistency consistency;

    @Test
    void noSeatLeaksWhateverTheInterleavingAndAPurgeAfterwardsKeepsTheCountersRight() throws Exception {
        UserRestoration otherRestoration = SecondInstance.bean(UserRestoration.class);
        UserLicenses otherLicenses = SecondInstance.bean(UserLicenses.class);
        Licensing otherLicensing = SecondInstance.bean(Licensing.class);
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Seat Race");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 700);
        UUID e5 = data.subscription(customer.id(), "SPE_E5", 300);
        List<UUID> users = IntStream.range(0, USERS).mapToObj(i -> data.user(customer, "Racer " + i, "racer" + i))
            .toList();
        data.assign(customer.id(), e3, users.subList(0, USERS / 2));
        Random random = new Random(17);
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<UUID> active = shuffled(idsOf(customer.id(), "deleted_at is null"), random);
                List<UUID> deleted = shuffled(idsOf(customer.id(), "deleted_at is not null"), random);
                // The slices overlap: the users being deleted are also being assigned and removed.
                List<UUID> toDelete = active.subList(0, SLICE);
                List<UUID> toAssign = new ArrayList<>(active.subList(SLICE / 2, SLICE / 2 + 2 * SLICE));
                List<UUID> toRemove = new ArrayList<>(active.subList(0, SLICE / 2));
                toRemove.addAll(active.subList(3 * SLICE, 4 * SLICE));
                List<UUID> toRestore = deleted.subList(0, Math.min(SLICE, deleted.size()));
                int round0 = round;
                int seatsTotal = 250 + random.nextInt(60);
                CyclicBarrier start = new CyclicBarrier(6);
                List<Callable<Void>> actions = List.of(
                        () -> {
                            start.await(30, TimeUnit.SECONDS);
                            deletion.delete(customer.id(), toDelete, true, "first-admin");
                            return null;
                        },
                        () -> {
                            start.await(30, TimeUnit.SECONDS);
                            otherLicenses.change(customer.id(), toAssign,
                                    Map.of(e3, LicenseDecision.ASSIGN, e5, LicenseDecision.ASSIGN), "second-admin");
                            return null;
                        },
                        () -> {
                            start.await(30, TimeUnit.SECONDS);
                            licenses.change(customer.id(), toRemove,
                                    Map.of(e3, LicenseDecision.REMOVE, e5, LicenseDecision.REMOVE), "first-admin");
                            return null;
                        },
                        () -> {
                            start.await(30, TimeUnit.SECONDS);
                            if (!toRestore.isEmpty()) {
                                otherRestoration.restore(customer.id(),
                                        toRestore.stream().map(RestoreRequest::asBefore).toList());
                            }
                            return null;
                        },
                        () -> {
                            start.await(30, TimeUnit.SECONDS);
                            creation.createAll(customer.id(), IntStream.range(0, 5)
                                .mapToObj(i -> new NewUser(new UserProfile("Imported", round0 + "-" + i,
                                        "Imported " + round0 + "-" + i,
                                        "imported." + round0 + "." + i + "@" + customer.domain(), "ES", Set.of()),
                                        Set.of(e3, e5)))
                                .toList());
                            return null;
                        },
                        () -> {
                            start.await(30, TimeUnit.SECONDS);
                            otherLicensing.changeSeatsTotal(customer.id(), e5, seatsTotal);
                            return null;
                        });
                List<Future<Void>> futures = new ArrayList<>();
                actions.forEach(action -> futures.add(pool.submit(action)));
                for (Future<Void> future : futures) {
                    try {
                        future.get(60, TimeUnit.SECONDS);
                    }
                    catch (ExecutionException failed) {
                        if (!EXPECTED_REFUSALS.contains(failed.getCause().getClass())) {
                            unexpected.add(failed.getCause());
                        }
                    }
                }
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        assertThat(consistency.findDrift()).isEmpty();
        assertThat(idsOf(customer.id(), "deleted_at is not null")).isNotEmpty();

        jdbc.update("update customer_user set deleted_at = deleted_at - interval '400 days' where customer_id = ? "
                + "and deleted_at is not null", customer.id());
        purge.purgeExpired();

        assertThat(idsOf(customer.id(), "deleted_at is not null")).isEmpty();
        assertThat(consistency.findDrift()).isEmpty();
        for (UUID subscription : List.of(e3, e5)) {
            assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class,
                    subscription))
                .isEqualTo(jdbc.queryForObject("select count(*) from license_assignment where subscription_id = ?",
                        Integer.class, subscription));
        }
    }

    private List<UUID> idsOf(UUID customerId, String condition) {
        return jdbc.queryForList("select id from customer_user where customer_id = ? and " + condition + " order by id",
                UUID.class, customerId);
    }

    private static List<UUID> shuffled(List<UUID> ids, Random random) {
        List<UUID> copy = new ArrayList<>(ids);
        Collections.shuffle(copy, random);
        return copy;
    }
}
