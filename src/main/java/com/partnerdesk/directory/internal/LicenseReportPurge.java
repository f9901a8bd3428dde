package com.partnerdesk.directory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes saved "Licenses updated" reports older than their retention, with their lines. The audit entry of each
 * change stays: it names the products, the counts and the users, and it is kept for as long as the audit trail is.
 * <p>
 * Works in batches, each its own short transaction, skipping reports another purge has locked, like the purge of
 * deleted users.
 */
@Service
public class LicenseReportPurge {

    public static final int BATCH_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(LicenseReportPurge.class);

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final DirectorySettings settings;

    private final Clock clock;

    public LicenseReportPurge(JdbcTemplate jdbc, TransactionTemplate transaction, DirectorySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** Deletes every report saved before the retention began, at this moment; returns how many. */
    public long purgeExpired() {
        Instant cutoff = clock.instant().minus(settings.licenseReportRetention());
        long purged = 0;
        int batch;
        do {
            batch = transaction.execute(status -> jdbc.update("""
                    with expired as (
                        select customer_id, id from license_change
                        where changed_at < ?
                        order by changed_at, customer_id, id
                        limit ?
                        for update skip locked)
                    delete from license_change c using expired e
                    where c.customer_id = e.customer_id and c.id = e.id
                    """, Timestamp.from(cutoff), BATCH_SIZE));
            purged += batch;
        }
        while (batch == BATCH_SIZE);
        if (purged > 0) {
            log.info("Deleted {} \"Licenses updated\" reports saved before {}", purged, cutoff);
        }
        return purged;
    }
}
