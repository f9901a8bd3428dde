package com.partnerdesk.csvimport.internal;

/**
 * How much one upload may contain. Larger imports must be split, so that one preview stays readable and one
 * creation run stays short.
 *
 * @param maxDataRows data rows allowed, counted after blank rows are skipped
 * @param maxBytes    size of the uploaded file allowed, in bytes
 */
public record CsvLimits(int maxDataRows, long maxBytes) {

    /** Google Workspace's upload maximum, which partners already know. */
    public static final long DEFAULT_MAX_BYTES = 35L * 1024 * 1024;

    public static final int DEFAULT_MAX_DATA_ROWS = 150_000;

    public CsvLimits {
        if (maxDataRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("CSV limits must be positive: " + maxDataRows + " rows, " + maxBytes + " bytes");
        }
    }

    public static CsvLimits defaults() {
        return new CsvLimits(DEFAULT_MAX_DATA_ROWS, DEFAULT_MAX_BYTES);
    }
}
