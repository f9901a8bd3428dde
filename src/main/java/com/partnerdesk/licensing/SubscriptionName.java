package com.partnerdesk.licensing;

import java.util.UUID;

/** A subscription as a filter or a chip names it: by its product. */
public record SubscriptionName(UUID id, String productName) {
}
