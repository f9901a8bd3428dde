package com.partnerdesk.csvimport.internal;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of an import's work (reading or creating) on this instance. Its claim id fences every write of the run: once
 * another instance has taken the batch over, the run's writes find nothing and its creation rolls back. Progress is
 * counted here and written with the lease's heartbeat, so the creation's transaction never needs a second connection.
 */
public final class ImportRun {

    private final UUID customerId;

    private final UUID batchId;

    private final UUID claimId;

    private final AtomicInteger rowsCreated = new AtomicInteger();

    private ImportRun(UUID customerId, UUID batchId, UUID claimId) {
        this.customerId = customerId;
        this.batchId = batchId;
        this.claimId = claimId;
    }

    public static ImportRun claim(UUID customerId, UUID batchId) {
        return new ImportRun(customerId, batchId, UUID.randomUUID());
    }

    UUID customerId() {
        return customerId;
    }

    UUID batchId() {
        return batchId;
    }

    UUID claimId() {
        return claimId;
    }

    public void created(int rows) {
        rowsCreated.set(rows);
    }

    public int rowsCreated() {
        return rowsCreated.get();
    }
}
