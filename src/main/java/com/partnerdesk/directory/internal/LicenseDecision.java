package com.partnerdesk.directory.internal;

/** What "Manage licenses" does with one subscription for every selected user. */
public enum LicenseDecision {

    /** Every selected user (with a usage location) holds it afterwards. */
    ASSIGN,

    /** No selected user holds it afterwards. */
    REMOVE,

    /** Who holds it stays as it is, partial selections included. */
    KEEP
}
