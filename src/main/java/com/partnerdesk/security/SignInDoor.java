package com.partnerdesk.security;

/**
 * A sign-in page and whose accounts it signs in. Each door counts its failures under keys of its own and audits under
 * actions of its own, with the same limits: failures at the customer users' door never lock the partner's staff out,
 * nor the other way round.
 */
public enum SignInDoor {

    /** Partner staff, at {@code /sign-in}. */
    STAFF("account:", "address:", "staff."),

    /** A customer's own users, at {@code /my/sign-in}; usernames are whole addresses (name@domain). */
    CUSTOMER_USERS("customer-user:", "customer-address:", "user.");

    private final String accountPrefix;

    private final String addressPrefix;

    private final String auditPrefix;

    SignInDoor(String accountPrefix, String addressPrefix, String auditPrefix) {
        this.accountPrefix = accountPrefix;
        this.addressPrefix = addressPrefix;
        this.auditPrefix = auditPrefix;
    }

    String accountPrefix() {
        return accountPrefix;
    }

    String addressPrefix() {
        return addressPrefix;
    }

    /** The audit action of an event at this door, such as {@code staff.signed-in}. */
    String auditAction(String event) {
        return auditPrefix + event;
    }
}
