package com.partnerdesk.licensing;

import java.util.List;
import java.util.UUID;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "seatLedger" health contributor on the real database. Drift is injected inside a transaction that is rolled
 * back, past the guards on purpose (a counter written directly, triggers switched off for the session), so no other
 * test ever sees it.
 */
@SpringBootTest
class SeatLedgerHealthTests {

    @Autowired
    HealthContributorRegistry registry;

    @Autowired
    HealthEndpointGroups groups;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void isUpWhileEveryCounterMatchesItsAssignments() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Healthy Ledger");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        data.assign(customer.id(), e3, List.of(data.user(customer, "Ada L", "ada"), data.user(customer, "Bo M", "bo")));

        assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, e3))
            .isEqualTo(2);
        assertThat(seatLedger().health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDownWithTheNumberOfSubscriptionsWhoseCounterDrifted() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Drifted Counter");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        data.assign(customer.id(), e3, List.of(data.user(customer, "Ada L", "ada")));

        Health health = transaction.execute(status -> {
            jdbc.update("update subscription set seats_assigned = seats_assigned + 1 where id = ?", e3);
            status.setRollbackOnly();
            return seatLedger().health();
        });

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("subscriptionsWithWrongCounter", 1L)
            .containsEntry("deletedUsersHoldingLicenses", 0L);
        assertThat(seatLedger().health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDownWithTheNumberOfDeletedUsersStillHoldingALicense() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Deleted Holder");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID ada = data.user(customer, "Ada L", "ada");
        data.assign(customer.id(), e3, List.of(ada));

        Health health = transaction.execute(status -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("update customer_user set deleted_at = now(), deleted_by = 'drift' where id = ?", ada);
            status.setRollbackOnly();
            return seatLedger().health();
        });

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("deletedUsersHoldingLicenses", 1L);
    }

    @Test
    void belongsToTheOverallHealthButNeitherToLivenessNorReadiness() {
        assertThat(groups.getPrimary().isMember("seatLedger")).isTrue();
        assertThat(groups.get("liveness").isMember("seatLedger")).isFalse();
        assertThat(groups.get("readiness").isMember("seatLedger")).isFalse();
    }

    private HealthIndicator seatLedger() {
        return (HealthIndicator) registry.getContributor("seatLedger");
    }
}
