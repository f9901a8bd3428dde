package com.partnerdesk.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the audit trail. Immutable once written; {@code details} must never carry a password.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    static final int ACTOR_LENGTH = 100;

    static final int TARGET_LENGTH = 400;

    static final int DETAILS_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    private String actor;

    private UUID customerId;

    private String action;

    private String target;

    @Enumerated(EnumType.STRING)
    private AuditOutcome outcome;

    @Column(length = 2000)
    private String details;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, UUID customerId, String action, String target, AuditOutcome outcome,
            String details) {
        this.occurredAt = occurredAt;
        this.actor = truncate(actor, ACTOR_LENGTH);
        this.customerId = customerId;
        this.action = action;
        this.target = truncate(target, TARGET_LENGTH);
        this.outcome = outcome;
        this.details = truncate(details, DETAILS_LENGTH);
    }

    /** Cuts a value to its column, marking the cut, so a long value is kept in part rather than failing the action. */
    static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getDetails() {
        return details;
    }
}
