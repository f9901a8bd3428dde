package com.partnerdesk.handoff;

/** The handoff is gone, expired, someone else's, or this browser does not hold its key. */
public class HandoffNotAvailable extends RuntimeException {

    public HandoffNotAvailable() {
        super("These temporary passwords are no longer available");
    }
}
