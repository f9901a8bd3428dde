package com.partnerdesk.handoff;

/** One line of a handoff: whose account and its temporary password. {@link #toString} leaves the password out. */
public record IssuedCredential(String displayName, String username, String temporaryPassword) {

    @Override
    public String toString() {
        return "IssuedCredential[username=" + username + ", temporaryPassword=(hidden)]";
    }
}
