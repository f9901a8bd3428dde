package com.partnerdesk.csvimport.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs imports' work on this instance, at most {@link #slots()} at once, and keeps their leases alive.
 * A creation holds one pooled connection for its whole transaction; bounding how many run at once keeps the rest of the
 * pool for pages. Work beyond the bound waits in the background, and its page says so. Every run, waiting or running,
 * is renewed by this instance's heartbeat: when the instance stops, the heartbeats stop and another instance takes
 * the import over.
 */
@Component
class ImportWorkers {

    private static final Logger log = LoggerFactory.getLogger(ImportWorkers.class);

    private final ImportLeases leases;

    private final int slotCount;

    private final Semaphore slots;

    private final Set<ImportRun> runs = ConcurrentHashMap.newKeySet();

    /** One thread per slot; see {@link ImportConfiguration#userImportExecutor}. */
    private final ThreadPoolTaskExecutor background;

    /**
     * A thread of its own: on the scheduler's shared thread a job waiting for a lock (a purge, a cleanup) would hold
     * the heartbeat back, and another instance would take over imports that are alive.
     */
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "user-import-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    ImportWorkers(ImportLeases leases, ImportSettings settings,
            @Qualifier("userImportExecutor") ThreadPoolTaskExecutor background) {
        this.leases = leases;
        this.background = background;
        this.slotCount = background.getMaxPoolSize();
        this.slots = new Semaphore(slotCount, true);
        long every = settings.heartbeatEvery().toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** How many imports this instance reads or creates at once. */
    int slots() {
        return slotCount;
    }

    /**
     * Runs the work of a claimed run: in the caller's thread when {@code inCaller} and a slot is free at once,
     * otherwise in the background as soon as a slot is free.
     */
    void run(ImportRun run, boolean inCaller, Runnable work) {
        runs.add(run);
        if (inCaller && slots.tryAcquire()) {
            runHolding(run, work);
            return;
        }
        try {
            if (slots.availablePermits() == 0) {
                leases.waiting(run, slotCount);
            }
            background.execute(() -> {
                slots.acquireUninterruptibly();
                runHolding(run, () -> {
                    leases.started(run);
                    work.run();
                });
            });
        }
        catch (RuntimeException notQueued) {
            // Not renewed any more: the lease runs out and the import is taken over like any other.
            runs.remove(run);
            throw notQueued;
        }
    }

    private void runHolding(ImportRun run, Runnable work) {
        try {
            work.run();
        }
        finally {
            slots.release();
            runs.remove(run);
        }
    }

    /** Every instance renews the leases of its own runs. */
    private void heartbeat() {
        try {
            leases.renew(runs);
        }
        catch (RuntimeException failure) {
            // The next beat tries again; only a lease's worth of failed beats lets another instance take over.
            log.warn("Could not renew the leases of {} running imports", runs.size(), failure);
        }
    }

    /** The background threads are the executor's, which lets running imports finish when the context closes. */
    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }
}
