package com.partnerdesk.directory.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the user directory, the one place other features read them from too (the CSV import refuses usernames
 * that a deleted user can still be restored with, so it needs the same window).
 *
 * @param restoreWindow          how long a deleted user can be restored (and keeps its username reserved); purged
 *                               afterwards
 * @param licenseReportRetention how long a saved "Licenses updated" report can be opened; deleted afterwards (the
 *                               audit entry of the change stays)
 */
@ConfigurationProperties("partnerdesk.directory")
public record DirectorySettings(@DefaultValue("30d") Duration restoreWindow,
        @DefaultValue("90d") Duration licenseReportRetention) {

    public DirectorySettings {
        requirePositive(restoreWindow, "restore-window");
        requirePositive(licenseReportRetention, "license-report-retention");
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("partnerdesk.directory." + property + " must be a positive duration");
        }
    }
}
