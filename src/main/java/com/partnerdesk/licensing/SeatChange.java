package com.partnerdesk.licensing;

import java.util.List;
import java.util.UUID;

/**
 * What one save did to one subscription: the users who newly got it and those who gave it back. Users who already
 * held it (or never did) are in neither list.
 */
public record SeatChange(UUID subscriptionId, String productName, List<UUID> added, List<UUID> removed) {

    public SeatChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
