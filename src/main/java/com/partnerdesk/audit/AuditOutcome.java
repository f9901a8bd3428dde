package com.partnerdesk.audit;

public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
