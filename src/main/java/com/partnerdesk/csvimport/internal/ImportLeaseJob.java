package com.partnerdesk.csvimport.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes over imports whose instance stopped, on one instance at a time, so that an import nobody is looking at is
 * also retryable within a lease and a beat. Its pages and the customer's next upload do the same for one customer.
 */
@Component
class ImportLeaseJob {

    private final ImportLeases leases;

    ImportLeaseJob(ImportLeases leases) {
        this.leases = leases;
    }

    @Scheduled(fixedDelayString = "${partnerdesk.import.heartbeat-every:15s}")
    @SchedulerLock(name = "csvimport.take-over-stale-imports", lockAtMostFor = "PT5M")
    void takeOverStale() {
        leases.takeOverStale();
    }
}
