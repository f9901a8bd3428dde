package com.partnerdesk.csvimport.internal;

/**
 * Create was asked while rows would get licenses without a usage location, which no path allows; the preview names
 * the rows.
 */
public class UsageLocationMissing extends RuntimeException {

    public UsageLocationMissing() {
        super("Rows would be licensed without a usage location");
    }
}
