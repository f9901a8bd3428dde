package com.partnerdesk.directory;

import java.util.Set;
import java.util.UUID;

/** A user to create: what the admin stated, and the subscriptions whose licenses the user gets. */
public record NewUser(UserProfile profile, Set<UUID> subscriptionIds) {

    public NewUser {
        subscriptionIds = subscriptionIds == null ? Set.of() : Set.copyOf(subscriptionIds);
    }
}
