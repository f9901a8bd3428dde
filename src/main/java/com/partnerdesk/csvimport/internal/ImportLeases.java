package com.partnerdesk.csvimport.internal;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.audit.AuditOutcome;
import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.csvimport.internal.ImportStatus.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lease on running imports (docs/decisions/0008): the instance running an import renews its heartbeat, and any
 * instance turns an import whose heartbeat is older than the lease into one the admin can act on again. A creation goes
 * back to its preview, whose staged rows are still there: its transaction died with its connection, so nothing of it
 * was written. A reading goes to FAILED with its partly staged rows deleted: the uploaded file was on the instance that
 * stopped.
 */
@Component
public class ImportLeases {

    private static final Logger log = LoggerFactory.getLogger(ImportLeases.class);

    private final JdbcTemplate jdbc;

    private final AuditTrail audit;

    private final ImportSettings settings;

    private final Clock clock;

    private final String instance;

    @Autowired
    ImportLeases(JdbcTemplate jdbc, AuditTrail audit, ImportSettings settings, Clock clock) {
        this(jdbc, audit, settings, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    /** For another instance, or a clock of its own, in tests. */
    ImportLeases(JdbcTemplate jdbc, AuditTrail audit, ImportSettings settings, Clock clock, String instance) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.instance = instance;
    }

    /** This instance's name in {@code claimed_by}: the process and a start-up id, so a restart is a new claimant. */
    public String instance() {
        return instance;
    }

    /** Renews the runs' leases, with their progress, in one statement. */
    public void renew(Collection<ImportRun> runs) {
        if (runs.isEmpty()) {
            return;
        }
        List<ImportRun> all = List.copyOf(runs);
        jdbc.update("""
                update import_batch b set heartbeat_at = ?,
                       rows_created = case when b.status = ? then r.rows_created else b.rows_created end
                from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as uuid[]), cast(? as int[]))
                         as r(customer_id, id, claim_id, rows_created)
                where b.customer_id = r.customer_id and b.id = r.id and b.claim_id = r.claim_id
                  and b.status in %s
                """.formatted(ImportStatus.RUNNING_SQL), Timestamp.from(clock.instant()), ImportStatus.CREATING.name(),
                all.stream().map(ImportRun::customerId).toArray(UUID[]::new),
                all.stream().map(ImportRun::batchId).toArray(UUID[]::new),
                all.stream().map(ImportRun::claimId).toArray(UUID[]::new),
                all.stream().map(ImportRun::rowsCreated).toArray(Integer[]::new));
    }

    /** The run waits for one of the instance's import slots, of which there are {@code slots}. */
    void waiting(ImportRun run, int slots) {
        jdbc.update("update import_batch set waiting_behind = ? where customer_id = ? and id = ? and claim_id = ?",
                slots, run.customerId(), run.batchId(), run.claimId());
    }

    /** The run has its slot. */
    void started(ImportRun run) {
        jdbc.update("""
                update import_batch set waiting_behind = null
                where customer_id = ? and id = ? and claim_id = ? and waiting_behind is not null
                """, run.customerId(), run.batchId(), run.claimId());
    }

    /** Takes over the customer's running import if its lease ran out; for its pages and its next upload. */
    int takeOverStale(UUID customerId) {
        return takeOver(customerId);
    }

    /** Takes over every running import whose lease ran out, whoever started it. */
    int takeOverStale() {
        return takeOver(null);
    }

    private int takeOver(UUID customerId) {
        Instant now = clock.instant();
        Transition creating = ImportStatus.CREATING.interrupted();
        Transition reading = ImportStatus.READING.interrupted();
        // Rows being renewed or committed as CREATED right now are locked, and skipped: that instance is alive. The
        // lock also re-checks the heartbeat against the row's latest version, so a renewal that just committed wins.
        List<Interrupted> interrupted = jdbc.query("""
                with stale as (
                    select customer_id, id, status from import_batch
                    where status in %s and heartbeat_at < ?
                      and (cast(? as uuid) is null or customer_id = ?)
                    for update skip locked
                )
                update import_batch b
                set status = case s.status when ? then ? when ? then ? end,
                    create_error_key = case s.status when ? then 'import.create.interrupted'
                                                     else 'import.failed.interrupted' end,
                    create_error_args = null, rows_created = 0, waiting_behind = null, updated_at = ?
                from stale s
                where b.customer_id = s.customer_id and b.id = s.id
                returning b.customer_id, b.id, s.status, b.claimed_by, b.staff_username, b.file_name, b.valid_count
                """.formatted(ImportStatus.RUNNING_SQL),
                (rs, row) -> new Interrupted(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        ImportStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getInt(7)),
                Timestamp.from(now.minus(settings.lease())), customerId, customerId,
                creating.from().name(), creating.to().name(), reading.from().name(), reading.to().name(),
                ImportStatus.CREATING.name(), Timestamp.from(now));
        for (Interrupted batch : interrupted) {
            log.warn("Import {} of customer {} was {} on {}, which stopped renewing its lease; taken over by {}",
                    batch.id(), batch.customerId(), batch.status(), batch.claimedBy(), instance);
            if (batch.status() == ImportStatus.READING) {
                // Only for a batch taken over: the pages' frequent check must not touch the staging rows.
                jdbc.update("delete from import_row where customer_id = ? and batch_id = ?", batch.customerId(),
                        batch.id());
            }
            else {
                audit.recordOutcome(batch.staffUsername(), batch.customerId(), "users.imported", batch.fileName(),
                        AuditOutcome.FAILURE, "created=0, valid=" + batch.validCount()
                                + ", reason=import.create.interrupted");
            }
        }
        return interrupted.size();
    }

    private record Interrupted(UUID customerId, UUID id, ImportStatus status, String claimedBy, String staffUsername,
            String fileName, int validCount) {
    }
}
