package com.partnerdesk.directory.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the purge on a schedule, on one instance at a time: the lock is a row in the {@code shedlock} table. It is held
 * at least a minute, so instances whose clocks differ by a little cannot each run the same period's purge.
 */
@Component
public class DeletedUserPurgeJob {

    private final DeletedUserPurge purge;

    DeletedUserPurgeJob(DeletedUserPurge purge) {
        this.purge = purge;
    }

    @Scheduled(cron = "${partnerdesk.directory.purge-cron:0 20 * * * *}")
    @SchedulerLock(name = "directory.purge-deleted-users", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    public void run() {
        purge.purgeExpired();
    }
}
