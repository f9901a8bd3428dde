package com.partnerdesk.csvimport.internal;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes finished imports older than a day for every customer, on one instance at a time: the next upload tidies
 * only its own customer's, and a customer may never upload again.
 */
@Component
public class ImportTidyJob {

    private final ImportBatches batches;

    private final Clock clock;

    ImportTidyJob(ImportBatches batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    @Scheduled(cron = "${partnerdesk.import.tidy-cron:0 30 * * * *}")
    @SchedulerLock(name = "csvimport.tidy-finished-imports", lockAtMostFor = "PT30M")
    public void tidy() {
        batches.tidyAll(clock.instant());
    }
}
