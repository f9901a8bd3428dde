package com.partnerdesk.handoff;

import java.util.UUID;

/**
 * A stored handoff and the key that opens it. The key must go to the staff member's browser only
 * ({@link HandoffCookies#handTo}) and nowhere else: not into the database, a URL or a log.
 */
public record OpenedHandoff(UUID customerId, UUID id, String key) {

    @Override
    public String toString() {
        return "OpenedHandoff[customerId=" + customerId + ", id=" + id + ", key=(hidden)]";
    }
}
