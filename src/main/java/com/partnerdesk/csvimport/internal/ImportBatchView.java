package com.partnerdesk.csvimport.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import as its page shows it: progress while running, counts and choices once read, the outcome after.
 *
 * @param handoffId     once created, the one-time handoff that holds the new users' temporary passwords
 * @param waitingBehind while its work waits for a free slot: how many imports its instance runs at once
 */
public record ImportBatchView(
        UUID id,
        UUID customerId,
        String fileName,
        ImportStatus status,
        CsvTemplate template,
        String charset,
        String delimiter,
        String fileErrorKey,
        List<Object> fileErrorArguments,
        List<FileNotice> fileNotices,
        int rowsRead,
        int validCount,
        int rejectedCount,
        int warningCount,
        int skippedCount,
        String defaultUsageLocation,
        List<UUID> fileSubscriptionIds,
        int rowsCreated,
        String createErrorKey,
        List<Object> createErrorArguments,
        UUID handoffId,
        Instant createdAt,
        Integer waitingBehind) {

    public Object[] fileErrorArgumentArray() {
        return fileErrorArguments == null ? new Object[0] : fileErrorArguments.toArray();
    }

    public Object[] createErrorArgumentArray() {
        return createErrorArguments == null ? new Object[0] : createErrorArguments.toArray();
    }

    /** Percent of the valid rows created so far, for the progress bar. */
    public int percentCreated() {
        return validCount == 0 ? 0 : (int) Math.min(100, 100L * rowsCreated / validCount);
    }

    public boolean isWaiting() {
        return status.isRunning() && waitingBehind != null;
    }
}
