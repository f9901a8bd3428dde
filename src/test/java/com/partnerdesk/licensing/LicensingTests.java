package com.partnerdesk.licensing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.licensing.internal.ProductAlreadySubscribed;
import com.partnerdesk.licensing.internal.SeatCountBelowAssigned;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seat guard on the real database: the numbers in the subscription row always match the assignment rows. */
@SpringBootTest
class LicensingTests {

    @Autowired
    Licensing licensing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void assigningMoreUsersThanFreeSeatsChangesNothing() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Guarded");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 2);
        List<UUID> users = List.of(data.user(customer, "A One", "a"), data.user(customer, "B Two", "b"),
                data.user(customer, "C Three", "c"));

        assertThatThrownBy(() -> transaction.executeWithoutResult(
                status -> licensing.assign(customer.id(), e3, users)))
            .isInstanceOfSatisfying(SeatsExhausted.class, e -> {
                assertThat(e.getSeatsNeeded()).isEqualTo(3);
                assertThat(e.getSeatsAvailable()).isEqualTo(2);
                assertThat(e.getMessage()).isEqualTo("Microsoft 365 E3: 3 seats needed, 2 available");
            });

        assertThat(assignedCounter(e3)).isZero();
        assertThat(assignmentRows(e3)).isZero();
    }

    @Test
    void usersWhoAlreadyHoldALicenseCostNoSeatAndRemovalFreesSeatsAtOnce() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Idempotent");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 2);
        UUID ada = data.user(customer, "Ada L", "ada");
        UUID bob = data.user(customer, "Bob M", "bob");
        UUID cy = data.user(customer, "Cy N", "cy");
        data.assign(customer.id(), e3, List.of(ada));

        List<SeatChange> changes = transaction.execute(status -> licensing.change(customer.id(),
                Map.of(e3, List.of(ada)), Map.of(e3, List.of(bob, cy))));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.removed()).containsExactly(ada);
            assertThat(change.added()).containsExactlyInAnyOrder(bob, cy);
        });
        assertThat(assignedCounter(e3)).isEqualTo(2).isEqualTo(assignmentRows(e3));
        Integer again = transaction.execute(status -> licensing.assign(customer.id(), e3, List.of(bob, cy)));
        assertThat(again).isZero();
    }

    @Test
    void theSeatCountCannotGoBelowTheAssignedSeatsEvenFromAStaleView() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Shrinking");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        data.assign(customer.id(), e3, List.of(data.user(customer, "A One", "a"), data.user(customer, "B Two", "b")));

        assertThatThrownBy(() -> licensing.changeSeatsTotal(customer.id(), e3, 1))
            .isInstanceOfSatisfying(SeatCountBelowAssigned.class, e -> {
                assertThat(e.getSeatsAssigned()).isEqualTo(2);
                assertThat(e.getRequestedTotal()).isEqualTo(1);
            });
        licensing.changeSeatsTotal(customer.id(), e3, 2);

        assertThat(licensing.requireSubscription(customer.id(), e3).seats()).isEqualTo(new Seats(2, 2));
    }

    @Test
    void theDatabaseRefusesACounterAboveTheTotalOrBelowZero() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Checked");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 1);

        assertThatThrownBy(() -> jdbc.update("update subscription set seats_assigned = 2 where id = ?", e3))
            .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("update subscription set seats_assigned = -1 where id = ?", e3))
            .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theCounterFollowsTheRowsWhateverStatementMovesThemACascadeIncluded() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Cascaded");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 3);
        UUID ada = data.user(customer, "Ada L", "ada");
        UUID bob = data.user(customer, "Bob M", "bob");
        data.assign(customer.id(), e3, List.of(ada, bob));
        assertThat(assignedCounter(e3)).isEqualTo(2);

        jdbc.update("delete from customer_user where id = ?", ada);

        assertThat(assignedCounter(e3)).isEqualTo(1).isEqualTo(assignmentRows(e3));
        assertThatThrownBy(() -> data.assign(customer.id(), e3, List.of(data.user(customer, "C N", "c"),
                data.user(customer, "D O", "d"), data.user(customer, "E P", "e"))))
            .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(assignedCounter(e3)).isEqualTo(1).isEqualTo(assignmentRows(e3));
    }

    @Test
    void theDatabaseRefusesALicenseForADeletedUserAndDeletingAUserWhoStillHoldsOne() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Guarded Holders");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 3);
        UUID ada = data.user(customer, "Ada L", "ada");
        UUID gone = data.user(customer, "Gone G", "gone");
        jdbc.update("update customer_user set deleted_at = now(), deleted_by = 'admin' where id = ?", gone);
        data.assign(customer.id(), e3, List.of(ada));

        assertThatThrownBy(() -> data.assign(customer.id(), e3, List.of(gone)))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("a deleted user cannot hold a license");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> jdbc
            .update("update customer_user set deleted_at = now(), deleted_by = 'admin' where id = ?", ada)))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("a user holding licenses cannot be marked deleted");
        assertThat(jdbc.queryForObject("select deleted_at is null from customer_user where id = ?", Boolean.class,
                ada)).isTrue();
        assertThat(assignedCounter(e3)).isEqualTo(1).isEqualTo(assignmentRows(e3));
    }

    @Test
    void aSubscriptionOfAnotherCustomerIsNeverFound() {
        TestData data = new TestData(jdbc);
        TestCustomer ours = data.customer("Ours");
        TestCustomer theirs = data.customer("Theirs");
        UUID theirE3 = data.subscription(theirs.id(), "SPE_E3", 5);
        UUID ada = data.user(ours, "Ada L", "ada");

        assertThatThrownBy(() -> transaction.executeWithoutResult(
                status -> licensing.change(ours.id(), Map.of(), Map.of(theirE3, List.of(ada)))))
            .isInstanceOf(SubscriptionNotFound.class);
        assertThat(assignmentRows(theirE3)).isZero();
    }

    @Test
    void aProductIsSubscribedOnce() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Once");
        licensing.addSubscription(customer.id(), "VISIOCLIENT", 3);

        assertThatThrownBy(() -> licensing.addSubscription(customer.id(), "VISIOCLIENT", 3))
            .isInstanceOf(ProductAlreadySubscribed.class);
        assertThat(licensing.productsNotSubscribed(customer.id())).extracting(Product::getSku)
            .doesNotContain("VISIOCLIENT")
            .contains("SPE_E3");
    }

    private int assignedCounter(UUID subscriptionId) {
        return jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class,
                subscriptionId);
    }

    private int assignmentRows(UUID subscriptionId) {
        return jdbc.queryForObject("select count(*) from license_assignment where subscription_id = ?", Integer.class,
                subscriptionId);
    }
}
