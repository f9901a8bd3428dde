package com.partnerdesk.directory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerdesk.audit.AuditLine;
import com.partnerdesk.audit.AuditTrail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hard-deletes users whose restore window has ended, with the licenses remembered for them, keeping one audit entry
 * per user that names nothing but the username.
 * <p>
 * Works in batches, each its own short transaction, so a large purge never holds many row locks for long. A batch
 * deletes only rows no one else has locked and audits exactly the rows its own delete removed, so even two purges
 * running at once (the scheduled job is locked, but a manual run may not be) purge and audit each user once. The
 * audit entries of a batch go out in JDBC batches, a few statements per customer rather than one per user.
 */
@Service
public class DeletedUserPurge {

    public static final int BATCH_SIZE = 1000;

    private static final Logger log = LoggerFactory.getLogger(DeletedUserPurge.class);

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final AuditTrail audit;

    private final DirectorySettings settings;

    private final Clock clock;

    DeletedUserPurge(JdbcTemplate jdbc, TransactionTemplate transaction, AuditTrail audit, DirectorySettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Purges every user past its restore window at this moment. Running it again purges nothing more. */
    public Result purgeExpired() {
        Instant cutoff = DirectoryUser.lastExpiredDeletionAt(clock.instant(), settings.restoreWindow());
        long purged = 0;
        int batches = 0;
        Duration longestBatch = Duration.ZERO;
        int batch;
        do {
            long started = System.nanoTime();
            batch = transaction.execute(status -> purgeBatch(cutoff));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            longestBatch = took.compareTo(longestBatch) > 0 ? took : longestBatch;
            purged += batch;
            batches++;
        }
        while (batch == BATCH_SIZE);
        if (purged > 0) {
            log.info("Purged {} deleted users past their restore window in {} batches (longest {} ms)", purged, batches,
                    longestBatch.toMillis());
        }
        return new Result(purged, batches, longestBatch);
    }

    private int purgeBatch(Instant cutoff) {
        List<Purged> purged = jdbc.query("""
                with expired as (
                    select customer_id, id from customer_user
                    where deleted_at is not null and deleted_at <= ?
                    order by deleted_at, id
                    limit ?
                    for update skip locked)
                delete from customer_user u using expired e
                where u.customer_id = e.customer_id and u.id = e.id
                returning u.customer_id, u.username
                """, (rs, row) -> new Purged(rs.getObject(1, UUID.class), rs.getString(2)), Timestamp.from(cutoff),
                BATCH_SIZE);
        Map<UUID, List<AuditLine>> linesByCustomer = purged.stream()
            .collect(Collectors.groupingBy(Purged::customerId, LinkedHashMap::new,
                    Collectors.mapping(user -> new AuditLine(user.username(), null), Collectors.toList())));
        linesByCustomer.forEach((customerId, lines) -> audit.recordAll(customerId, "user.purged", lines));
        return purged.size();
    }

    private record Purged(UUID customerId, String username) {
    }

    /**
     * @param longestBatch the longest time one batch held its locks
     */
    public record Result(long usersPurged, int batches, Duration longestBatch) {
    }
}
