package com.partnerdesk.security;

import java.time.Clock;
import java.time.Instant;

import com.partnerdesk.audit.AuditTrail;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Enforces the sign-in retention ({@code partnerdesk.security.sign-in-retention}): deletes aggregated refusals and the
 * audit entries of failed sign-ins older than it, and throttle rows whose window and lock have passed. One instance
 * at a time runs it; were two to overlap, each statement only deletes what the other has not.
 */
@Component
class SignInRecordCleanup {

    private static final Logger log = LoggerFactory.getLogger(SignInRecordCleanup.class);

    private final SignInRefusals refusals;

    private final SignInThrottle throttle;

    private final AuditTrail audit;

    private final SignInRecordSettings settings;

    private final Clock clock;

    SignInRecordCleanup(SignInRefusals refusals, SignInThrottle throttle, AuditTrail audit,
            SignInRecordSettings settings, Clock clock) {
        this.refusals = refusals;
        this.throttle = throttle;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${partnerdesk.security.sign-in-cleanup-cron:0 */10 * * * *}")
    @SchedulerLock(name = "sign-in-record-cleanup", lockAtMostFor = "PT30M")
    void deleteOld() {
        deleteOld(clock.instant());
    }

    /** What {@link #deleteOld(Instant)} deleted. */
    record Deleted(long refusals, long auditEntries, int throttleRows) {
    }

    Deleted deleteOld(Instant now) {
        Deleted deleted = new Deleted(refusals.deleteOlderThan(settings.signInRetention(), now),
                audit.deleteSignInRecordsBefore(now.minus(settings.signInRetention())), throttle.forgetExpired(now));
        if (deleted.refusals() + deleted.auditEntries() > 0) {
            log.info("Deleted {} refused-sign-in records and {} failed-sign-in audit entries older than {}",
                    deleted.refusals(), deleted.auditEntries(), settings.signInRetention());
        }
        return deleted;
    }
}
