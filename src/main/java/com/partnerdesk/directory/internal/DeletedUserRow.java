package com.partnerdesk.directory.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of the Deleted users tab.
 *
 * @param restorableUntil the first instant at which the user can no longer be restored
 * @param daysLeft        whole days left to restore, a started day counting as one; 0 once the window has ended
 */
public record DeletedUserRow(UUID id, String displayName, String username, Instant deletedAt, String deletedBy,
        List<RememberedLicense> licenses, Instant restorableUntil, long daysLeft) {

    public boolean isRestorable() {
        return daysLeft > 0;
    }
}
