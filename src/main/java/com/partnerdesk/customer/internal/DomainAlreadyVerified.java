package com.partnerdesk.customer.internal;

/**
 * A domain can be verified for one customer only.
 */
public class DomainAlreadyVerified extends RuntimeException {

    private final String domain;

    public DomainAlreadyVerified(String domain) {
        super("Domain already verified for another customer: " + domain);
        this.domain = domain;
    }

    public String getDomain() {
        return domain;
    }
}
