package com.partnerdesk.csvimport.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.licensing.Subscription;

/**
 * The names a Licenses cell may use for the customer's subscriptions: the product name as the portal shows it or
 * the SKU, in any case. Only subscriptions the customer has count; another product is an unknown license.
 */
public final class LicenseNames {

    private final Map<String, UUID> subscriptionsByName = new HashMap<>();

    private final String knownNames;

    public LicenseNames(List<Subscription> subscriptions) {
        for (Subscription subscription : subscriptions) {
            subscriptionsByName.put(key(subscription.getProductName()), subscription.getId());
            subscriptionsByName.put(key(subscription.getSku()), subscription.getId());
        }
        this.knownNames = String.join(", ", subscriptions.stream().map(Subscription::getProductName).sorted().toList());
    }

    Optional<UUID> find(String name) {
        return Optional.ofNullable(subscriptionsByName.get(key(name)));
    }

    /** For the message that says which names would have worked. */
    String knownNames() {
        return knownNames;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
