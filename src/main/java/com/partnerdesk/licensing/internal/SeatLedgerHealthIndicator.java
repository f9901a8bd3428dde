package com.partnerdesk.licensing.internal;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "seatLedger" in Actuator health: UP while every seat counter equals its assignments and no deleted user holds a
 * license, DOWN with how many subscriptions and users break that, so an operator sees drift at once. It belongs to
 * the overall health only, never to the liveness or readiness groups: drift is for a person to look into, not a
 * reason to restart an instance or take it out of the load balancer.
 */
@Component
class SeatLedgerHealthIndicator implements HealthIndicator {

    private final SeatLedgerConsistency consistency;

    SeatLedgerHealthIndicator(SeatLedgerConsistency consistency) {
        this.consistency = consistency;
    }

    @Override
    public Health health() {
        List<SeatLedgerDrift> drift = consistency.findDrift();
        if (drift.isEmpty()) {
            return Health.up().build();
        }
        return Health.down()
            .withDetail("subscriptionsWithWrongCounter", drift.stream().filter(SeatLedgerDrift::isCounterDrift).count())
            .withDetail("deletedUsersHoldingLicenses", drift.stream()
                .filter(d -> !d.isCounterDrift())
                .map(SeatLedgerDrift::userId)
                .distinct()
                .count())
            .build();
    }
}
