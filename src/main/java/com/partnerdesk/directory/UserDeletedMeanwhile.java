package com.partnerdesk.directory;

import java.util.UUID;

/**
 * An action on active users found one of them deleted by someone else since the page was shown. Nothing was changed;
 * the page says who.
 */
public class UserDeletedMeanwhile extends RuntimeException {

    private final UUID customerId;

    private final String displayName;

    public UserDeletedMeanwhile(UUID customerId, UUID userId, String displayName) {
        super("User " + userId + " was deleted meanwhile");
        this.customerId = customerId;
        this.displayName = displayName;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public String getDisplayName() {
        return displayName;
    }
}
