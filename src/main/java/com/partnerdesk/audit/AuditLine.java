package com.partnerdesk.audit;

/** One entry of a set-based action, for {@link AuditTrail#recordAll}: its target and details (never a password). */
public record AuditLine(String target, String details) {
}
