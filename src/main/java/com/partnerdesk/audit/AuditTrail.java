package com.partnerdesk.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.audit.internal.AuditEntryRepository;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit trail. Entries join the caller's transaction, so an action that rolls back leaves no
 * entry claiming it happened; use {@link #recordFailure} for outcomes that must survive a rollback.
 */
@Service
public class AuditTrail {

    private final AuditEntryRepository entries;

    private final Clock clock;

    private final JdbcTemplate jdbc;

    AuditTrail(AuditEntryRepository entries, Clock clock, JdbcTemplate jdbc) {
        this.entries = entries;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Records a successful action by the signed-in staff member. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID customerId, String action, String target, String details) {
        entries.save(new AuditEntry(clock.instant(), currentActor(), customerId, action, target, AuditOutcome.SUCCESS,
                details));
    }

    /**
     * Records one successful action per line, written in JDBC batches: a bulk action over thousands of users costs a
     * few statements, not one per user. The entries are the same as {@link #record} would write, cut to their columns
     * the same way.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(UUID customerId, String action, List<AuditLine> lines) {
        Timestamp now = Timestamp.from(clock.instant());
        String actor = AuditEntry.truncate(currentActor(), AuditEntry.ACTOR_LENGTH);
        jdbc.batchUpdate("""
                insert into audit_entry (occurred_at, actor, customer_id, action, target, outcome, details)
                values (?, ?, ?, ?, ?, 'SUCCESS', ?)
                """, lines, 1000, (statement, line) -> {
            statement.setTimestamp(1, now);
            statement.setString(2, actor);
            statement.setObject(3, customerId);
            statement.setString(4, action);
            statement.setString(5, AuditEntry.truncate(line.target(), AuditEntry.TARGET_LENGTH));
            statement.setString(6, AuditEntry.truncate(line.details(), AuditEntry.DETAILS_LENGTH));
        });
    }

    /** Records an outcome in its own transaction, so it stays even when the action itself is rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordOutcome(String actor, UUID customerId, String action, String target, AuditOutcome outcome,
            String details) {
        entries.save(new AuditEntry(clock.instant(), actor, customerId, action, target, outcome, details));
    }

    /** Records a refused or failed action by the signed-in staff member, independent of the caller's transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(UUID customerId, String action, String target, String details) {
        entries.save(new AuditEntry(clock.instant(), currentActor(), customerId, action, target, AuditOutcome.FAILURE,
                details));
    }

    /**
     * Deletes the entries of failed and refused sign-ins (never those of successful ones) that occurred before
     * {@code before}, a batch at a time, for the security module's sign-in retention. The actions are the ones the
     * partial index {@code ix_audit_entry_sign_in_records} covers.
     * @return how many entries were deleted
     */
    public long deleteSignInRecordsBefore(Instant before) {
        long deleted = 0;
        int batch;
        do {
            batch = jdbc.update("""
                    delete from audit_entry where id in (
                      select id from audit_entry
                      where action in ('staff.sign-in-failed', 'staff.sign-in-throttled', 'user.sign-in-failed',
                                       'user.sign-in-throttled')
                        and occurred_at < ?
                      limit 10000)
                    """, Timestamp.from(before));
            deleted += batch;
        }
        while (batch > 0);
        return deleted;
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> forCustomer(UUID customerId, String action, String actor, Pageable pageable) {
        return entries.findForCustomer(customerId, blankToNull(action), blankToNull(actor), pageable);
    }

    /** The action codes recorded for the customer so far, for the Activity tab's filter. */
    @Transactional(readOnly = true)
    public List<String> actionsRecordedFor(UUID customerId) {
        return entries.findActionsOfCustomer(customerId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
