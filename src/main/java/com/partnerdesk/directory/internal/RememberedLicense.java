package com.partnerdesk.directory.internal;

import java.io.Serializable;
import java.util.UUID;

/**
 * A license a user held when deleted. {@code subscriptionId} is null once that subscription has been removed.
 */
public record RememberedLicense(UUID userId, String sku, String productName, UUID subscriptionId)
        implements Serializable {

    public boolean isSubscriptionGone() {
        return subscriptionId == null;
    }
}
