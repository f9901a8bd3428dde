package com.partnerdesk.directory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.partnerdesk.directory.internal.RestoreReport.Status;
import com.partnerdesk.directory.internal.CustomerUserPasswordEncoder;
import com.partnerdesk.directory.internal.DirectoryUser;
import com.partnerdesk.directory.internal.LicenseDecision;
import com.partnerdesk.directory.internal.PasswordResets;
import com.partnerdesk.directory.internal.RestoreRequest;
import com.partnerdesk.directory.internal.UserDeletedMeanwhile;
import com.partnerdesk.directory.internal.UserDeletion;
import com.partnerdesk.directory.internal.UserLicenses;
import com.partnerdesk.directory.internal.UserRestoration;
import com.partnerdesk.licensing.internal.SeatLedgerConsistency;
import com.partnerdesk.security.StaffRole;
import com.partnerdesk.support.SecondInstance;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two admins, on two instances, act on the same user at the same moment. The user's row decides who goes first; the
 * second judges the user as the first left it: an action that no longer makes sense is refused with a specific
 * exception, and nothing the first did is overwritten.
 */
@SpringBootTest
class TwoAdminsOnOneUserTests {

    private static final int ROUNDS = 12;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDeletion deletion;

    @Autowired
    UserRestoration restoration;

    @Autowired
    PasswordResets resets;

    @Autowired
    UserLicenses licenses;

    @Autowired
    SeatLedgerConsistency consistency;

    TestData data;

    ExecutorService pool;

    @BeforeEach
    void setUp() {
        data = new TestData(jdbc);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void ofTwoRestoresOfOneUserExactlyOneRestoresItAndTheOtherIsToldItWasRestoredAlready() throws Exception {
        UserRestoration otherRestoration = SecondInstance.bean(UserRestoration.class);
        for (int round = 0; round < ROUNDS; round++) {
            TestCustomer customer = data.customer("Restore Twice");
            UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
            UUID ada = data.user(customer, "Ada L", "ada");
            data.assign(customer.id(), e3, List.of(ada));
            deletion.delete(customer.id(), List.of(ada), false, "admin");

            Race<UserRestoration.Restoration, UserRestoration.Restoration> race = race(
                    () -> restoration.restore(customer.id(), List.of(RestoreRequest.asBefore(ada))),
                    () -> otherRestoration.restore(customer.id(), List.of(RestoreRequest.asBefore(ada))));

            List<UserRestoration.Restoration> both = List.of(race.first().require(), race.second().require());
            assertThat(both).extracting(r -> r.report().users().get(0).status())
                .containsExactlyInAnyOrder(Status.RESTORED, Status.NOT_DELETED);
            UserRestoration.Restoration winner = both.stream()
                .filter(r -> r.report().users().get(0).status() == Status.RESTORED)
                .findFirst()
                .orElseThrow();
            UserRestoration.Restoration loser = both.stream().filter(r -> r != winner).findFirst().orElseThrow();
            // One temporary password, the winner's: the loser issued none that could replace it.
            assertThat(winner.temporaryPasswords()).hasSize(1);
            assertThat(loser.temporaryPasswords()).isEmpty();
            assertThat(CustomerUserPasswordEncoder.matches(winner.temporaryPasswords().get(0).temporaryPassword(),
                    passwordHash(ada))).isTrue();
            assertThat(seatsAssigned(e3)).isEqualTo(1);
        }
        assertThat(consistency.findDrift()).isEmpty();
    }

    @Test
    void aResetRacingADeletionIsRefusedByNameWhenTheDeletionCameFirst() throws Exception {
        UserDeletion otherDeletion = SecondInstance.bean(UserDeletion.class);
        for (int round = 0; round < ROUNDS; round++) {
            TestCustomer customer = data.customer("Reset Deleted");
            UUID ada = data.user(customer, "Ada L", "ada");

            Race<List<CreatedUser>, List<DirectoryUser>> race = race(
                    () -> resets.reset(customer.id(), List.of(ada), StaffRole.ADMIN_AGENT),
                    () -> otherDeletion.delete(customer.id(), List.of(ada), false, "other-admin"));
            Outcome<List<CreatedUser>> reset = race.first();

            assertThat(race.second().require()).singleElement().extracting(DirectoryUser::getId).isEqualTo(ada);
            assertThat(deletedAt(ada)).isNotNull();
            if (reset.failure() != null) {
                assertThat(reset.failure()).isInstanceOfSatisfying(UserDeletedMeanwhile.class,
                        meanwhile -> assertThat(meanwhile.getDisplayName()).isEqualTo("Ada L"));
                assertThat(passwordHash(ada)).isNull();
            }
            else {
                // The reset went first and the deletion after it, on the user the reset left.
                assertThat(CustomerUserPasswordEncoder.matches(reset.require().get(0).temporaryPassword(),
                        passwordHash(ada))).isTrue();
            }
        }
    }

    @Test
    void aLicenseSaveRacingADeletionNeverLeavesTheDeletedUserALicense() throws Exception {
        UserDeletion otherDeletion = SecondInstance.bean(UserDeletion.class);
        for (int round = 0; round < ROUNDS; round++) {
            TestCustomer customer = data.customer("Save Deleted");
            UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
            UUID ada = data.user(customer, "Ada L", "ada");

            Race<UUID, List<DirectoryUser>> race = race(
                    () -> licenses.change(customer.id(), List.of(ada), Map.of(e3, LicenseDecision.ASSIGN), "admin"),
                    () -> otherDeletion.delete(customer.id(), List.of(ada), false, "other-admin"));
            Outcome<UUID> saved = race.first();

            assertThat(race.second().require()).singleElement().extracting(DirectoryUser::getId).isEqualTo(ada);
            List<String> remembered = jdbc.queryForList(
                    "select product_sku from deleted_user_license where user_id = ?", String.class, ada);
            if (saved.failure() != null) {
                assertThat(saved.failure()).isInstanceOf(UserDeletedMeanwhile.class);
                assertThat(remembered).isEmpty();
            }
            else {
                // The Save went first; the deletion gave the license back and remembers it for a restore.
                saved.require();
                assertThat(remembered).containsExactly("SPE_E3");
            }
            assertThat(seatsAssigned(e3)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from license_assignment where user_id = ?", Integer.class,
                    ada)).isZero();
        }
        assertThat(consistency.findDrift()).isEmpty();
    }

    /** Runs both at the same moment and waits for both: what each returned, or the exception it threw. */
    private <A, B> Race<A, B> race(Callable<A> one, Callable<B> other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<A> first = pool.submit(released(start, one));
        Future<B> second = pool.submit(released(start, other));
        return new Race<>(outcome(first), outcome(second));
    }

    private static <T> Callable<T> released(CyclicBarrier start, Callable<T> action) {
        return () -> {
            start.await(30, TimeUnit.SECONDS);
            return action.call();
        };
    }

    private static <T> Outcome<T> outcome(Future<T> future) throws Exception {
        try {
            return new Outcome<>(future.get(60, TimeUnit.SECONDS), null);
        }
        catch (ExecutionException failed) {
            return new Outcome<>(null, failed.getCause());
        }
    }

    private String passwordHash(UUID userId) {
        return jdbc.queryForObject("select password_hash from customer_user where id = ?", String.class, userId);
    }

    private Object deletedAt(UUID userId) {
        return jdbc.queryForObject("select deleted_at from customer_user where id = ?", Object.class, userId);
    }

    private int seatsAssigned(UUID subscriptionId) {
        return jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class,
                subscriptionId);
    }

    private record Race<A, B>(Outcome<A> first, Outcome<B> second) {
    }

    /** What one side of a race returned, or what it threw. */
    private record Outcome<T>(T value, Throwable failure) {

        T require() {
            if (failure != null) {
                throw new AssertionError("unexpected failure: " + failure, failure);
            }
            return value;
        }
    }
}
