package com.partnerdesk.licensing;

import java.util.UUID;

/**
 * A subscription as a filter, a chip or a license badge names it: by its product. {@code holders} is its seat counter,
 * which the database keeps: how many users hold it.
 */
public record SubscriptionName(UUID id, String sku, String productName, long holders) {

    /** This subscription as a license the user holds. */
    public HeldLicense heldBy(UUID userId) {
        return new HeldLicense(userId, id, sku, productName);
    }
}
