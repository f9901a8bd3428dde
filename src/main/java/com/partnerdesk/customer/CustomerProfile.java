package com.partnerdesk.customer;

import java.util.List;
import java.util.UUID;

/**
 * What a customer's pages show of the customer in their header, read in one statement for the pages an admin opens all
 * day (the Users and licenses list), where loading the entity cost more than the list itself. The two counters are the
 * ones the database keeps in {@code customer_user_count}: the unfiltered list's total and the "Deleted users (N)" tab.
 */
public record CustomerProfile(UUID id, String companyName, List<String> domains, long activeUsers,
        long deletedUsers) {
}
