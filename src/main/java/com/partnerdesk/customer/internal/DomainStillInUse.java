package com.partnerdesk.customer.internal;

/**
 * A verified domain cannot be removed while active users still sign in with a username on it.
 */
public class DomainStillInUse extends RuntimeException {

    private final String domain;

    private final long activeUsers;

    public DomainStillInUse(String domain, long activeUsers) {
        super("Domain " + domain + " is the domain of " + activeUsers + " active users");
        this.domain = domain;
        this.activeUsers = activeUsers;
    }

    public String getDomain() {
        return domain;
    }

    public long getActiveUsers() {
        return activeUsers;
    }
}
