package com.partnerdesk.directory.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the purge of old "Licenses updated" reports on a schedule, on one instance at a time. */
@Component
class LicenseReportPurgeJob {

    private final LicenseReportPurge purge;

    LicenseReportPurgeJob(LicenseReportPurge purge) {
        this.purge = purge;
    }

    @Scheduled(cron = "${partnerdesk.directory.license-report-purge-cron:0 40 3 * * *}")
    @SchedulerLock(name = "directory.purge-license-reports", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void run() {
        purge.purgeExpired();
    }
}
