package com.partnerdesk.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the user directory.
 *
 * @param restoreWindow how long a deleted user can be restored (and keeps its username reserved); purged afterwards
 */
@ConfigurationProperties("partnerdesk.directory")
public record DirectorySettings(@DefaultValue("30d") Duration restoreWindow) {

    public DirectorySettings {
        if (restoreWindow == null || restoreWindow.isNegative() || restoreWindow.isZero()) {
            throw new IllegalArgumentException("partnerdesk.directory.restore-window must be a positive duration");
        }
    }
}
