package com.partnerdesk.licensing;

import java.util.UUID;

/** A license a user holds: which subscription, and its product for display. */
public record HeldLicense(UUID userId, UUID subscriptionId, String sku, String productName) {
}
