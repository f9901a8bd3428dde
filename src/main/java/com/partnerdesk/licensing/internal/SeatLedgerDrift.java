package com.partnerdesk.licensing.internal;

import java.util.UUID;

/**
 * One way the seat ledger breaks its invariant: a subscription whose counter differs from its assignments, or a
 * deleted user who still holds a license.
 * @param userId the deleted holder, null for a counter that differs
 * @param seatsAssigned the counter, null for a deleted holder
 * @param assignments the assignment rows counted, null for a deleted holder
 */
public record SeatLedgerDrift(UUID customerId, UUID subscriptionId, UUID userId, Integer seatsAssigned,
        Integer assignments) {

    public boolean isCounterDrift() {
        return userId == null;
    }
}
