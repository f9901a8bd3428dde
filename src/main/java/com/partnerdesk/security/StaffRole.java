package com.partnerdesk.security;

/**
 * The partner's agent roles, after Partner Center's.
 */
public enum StaffRole {

    /** Everything: customers, users, licenses, subscriptions. */
    ADMIN_AGENT,

    /** Views users and resets the passwords of users that hold no admin role. */
    HELPDESK_AGENT,

    /** Read-only. */
    SALES_AGENT;

    public String authority() {
        return "ROLE_" + name();
    }
}
