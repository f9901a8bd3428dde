package com.partnerdesk.directory;

import java.util.List;
import java.util.UUID;

import com.partnerdesk.handoff.IssuedCredential;

/**
 * A user that now has a new temporary password, for the one-time handoff to the staff member. The password exists in
 * plain text only in this object; {@link #toString} leaves it out so that no log line can carry it.
 */
public record CreatedUser(UUID id, String displayName, String username, String temporaryPassword) {

    /** The user's line in a handoff. */
    public IssuedCredential credential() {
        return new IssuedCredential(displayName, username, temporaryPassword);
    }

    /** The users' lines in a handoff, in the users' order. */
    public static List<IssuedCredential> credentials(List<CreatedUser> users) {
        return users.stream().map(CreatedUser::credential).toList();
    }

    @Override
    public String toString() {
        return "CreatedUser[id=" + id + ", username=" + username + ", temporaryPassword=(hidden)]";
    }
}
