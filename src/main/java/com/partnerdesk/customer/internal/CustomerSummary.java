package com.partnerdesk.customer.internal;

import java.util.List;
import java.util.UUID;

/** One line of the customers list. */
public record CustomerSummary(UUID id, String companyName, List<String> domains, long activeUsers,
        long subscriptions) {
}
