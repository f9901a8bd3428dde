package com.partnerdesk.customer;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How many subscriptions each customer has, for the customers list. Implemented by the module that owns the
 * subscriptions, so that the customer module can show the figure without depending on it.
 */
public interface CustomerSubscriptionCounts {

    /** Subscriptions by customer id; a customer without any may be absent. One statement for all of them. */
    Map<UUID, Long> subscriptions(Collection<UUID> customerIds);
}
