package com.partnerdesk.directory;

import java.util.UUID;

/**
 * A user that now has a new temporary password, for the one-time handoff to the staff member. The password exists in
 * plain text only in this object; {@link #toString} leaves it out so that no log line can carry it.
 */
public record CreatedUser(UUID id, String displayName, String username, String temporaryPassword) {

    @Override
    public String toString() {
        return "CreatedUser[id=" + id + ", username=" + username + ", temporaryPassword=(hidden)]";
    }
}
