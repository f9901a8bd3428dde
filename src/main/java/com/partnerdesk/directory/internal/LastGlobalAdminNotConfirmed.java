package com.partnerdesk.directory.internal;

/**
 * The deletion would leave the customer without an active Global admin, which can lock the customer out of its own
 * tenant, and the admin has not confirmed that separately. Nothing was deleted.
 */
public class LastGlobalAdminNotConfirmed extends RuntimeException {

    public LastGlobalAdminNotConfirmed() {
        super("Deleting these users removes the customer's last Global admin; confirm it separately");
    }
}
