package com.partnerdesk.customer;

import java.util.List;
import java.util.UUID;

/**
 * What a customer's pages show of the customer in their header, read in one statement: loading the entity cost more
 * than the Users and licenses list itself. The two counters are the ones the database keeps in
 * {@code customer_user_count}: the unfiltered list's total and the "Deleted users (N)" tab.
 */
public record CustomerProfile(UUID id, String companyName, List<String> domains, long activeUsers,
        long deletedUsers) {

    /** The domain a new user's username gets unless the admin picks another: the first one verified. */
    public String primaryDomain() {
        return domains.isEmpty() ? null : domains.get(0);
    }
}
