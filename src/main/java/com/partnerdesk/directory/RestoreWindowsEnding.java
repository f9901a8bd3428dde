package com.partnerdesk.directory;

import java.time.Instant;
import java.util.UUID;

/** A customer with deleted users whose restore window ends soon, for the dashboard. */
public record RestoreWindowsEnding(UUID customerId, String companyName, long users, Instant firstEndsAt,
        long firstDaysLeft) {
}
