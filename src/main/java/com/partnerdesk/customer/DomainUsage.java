package com.partnerdesk.customer;

import java.util.UUID;

/**
 * How many of a customer's active users have a username on a domain, and what a dropped domain lets go of. Implemented by the module that owns the users,
 * so that the customer module can guard its domains without depending on it.
 */
public interface DomainUsage {

    long activeUsernamesOn(UUID customerId, String domain);

    /**
     * The customer no longer verifies the domain: whatever still holds usernames on it for the customer lets go of
     * them (deleted users' claims), so that the domain can be verified by another customer and its usernames used
     * there. Called in the transaction that removes the domain.
     */
    void domainDropped(UUID customerId, String domain);
}
