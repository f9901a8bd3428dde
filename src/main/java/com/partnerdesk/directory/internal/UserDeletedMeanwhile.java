package com.partnerdesk.directory.internal;

import java.util.UUID;

import com.partnerdesk.audit.AuditTrail;

/**
 * An action on active users found one of them deleted by someone else since the page was shown. Nothing was changed;
 * the page says who, and the customer's Activity tab records the refusal under the action that was refused.
 */
public class UserDeletedMeanwhile extends RuntimeException {

    private final UUID customerId;

    private final String displayName;

    private UserDeletedMeanwhile(UUID customerId, UUID userId, String displayName) {
        super("User " + userId + " was deleted meanwhile");
        this.customerId = customerId;
        this.displayName = displayName;
    }

    /**
     * The refusal, already on the customer's Activity tab under the refused action. The entry is written in a
     * transaction of its own, since the refused action's rolls back.
     * @param refusedAction the audit action of what was refused, such as {@code user.password-reset}
     */
    public static UserDeletedMeanwhile recorded(AuditTrail audit, UUID customerId, UUID userId, String displayName,
            String username, String refusedAction) {
        audit.recordFailure(customerId, refusedAction, username, "refused: deleted by someone else meanwhile");
        return new UserDeletedMeanwhile(customerId, userId, displayName);
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public String getDisplayName() {
        return displayName;
    }
}
