package com.partnerdesk.customer;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How many active users each customer has, for the customers list. Implemented by the module that owns the users,
 * so that the customer module can show the figure without depending on it.
 */
public interface CustomerUserCounts {

    /** Active users by customer id; a customer without users may be absent. One statement for all of them. */
    Map<UUID, Long> activeUsers(Collection<UUID> customerIds);
}
