package com.partnerdesk.customer;

import java.util.UUID;

/**
 * How many of a customer's active users have a username on a domain. Implemented by the module that owns the users,
 * so that the customer module can guard its domains without depending on it.
 */
public interface DomainUsage {

    long activeUsernamesOn(UUID customerId, String domain);
}
