package com.partnerdesk.csvimport;

/** A created user and its temporary password, for the one-time list. Never logged, never stored in plain text. */
public record CreatedCredential(String displayName, String username, String temporaryPassword) {

    @Override
    public String toString() {
        return "CreatedCredential[" + username + "]";
    }
}
