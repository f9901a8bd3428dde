package com.partnerdesk.directory.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * The heading of a "Licenses updated" page: who saved, when, for how many users, and until when the report is kept.
 */
public record LicenseChangeSummary(UUID id, String changedBy, Instant changedAt, int users, Instant keptUntil) {
}
