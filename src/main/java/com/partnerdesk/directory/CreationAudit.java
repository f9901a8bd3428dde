package com.partnerdesk.directory;

/**
 * Who writes the audit trail for a {@link UserCreation#createAll creation}: the creation itself, one entry per user, or
 * a caller that creates users in bulk and records one entry for the whole action (an import of thousands of users is
 * one action, and its trail must not grow by a line per row).
 */
public enum CreationAudit {

    /** One {@code user.created} entry per user, with its roles and licenses. */
    EACH_USER,

    /** No entry per user; the caller records one entry for the whole action in the same transaction. */
    BY_CALLER
}
