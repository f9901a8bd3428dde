package com.partnerdesk.directory.internal;

import org.springframework.security.access.AccessDeniedException;

/** A Helpdesk agent asked to reset the password of a user who holds an admin role. Answered with 403. */
public class ResetNotAllowed extends AccessDeniedException {

    public ResetNotAllowed(String username) {
        super("Only an Admin agent may reset the password of " + username + ", who holds an admin role");
    }
}
