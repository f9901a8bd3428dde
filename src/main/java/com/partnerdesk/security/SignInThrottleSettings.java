package com.partnerdesk.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins are tolerated within {@code failureWindow} before an account, or an address trying many
 * accounts, is locked for {@code lockDuration}.
 */
@ConfigurationProperties("partnerdesk.sign-in")
record SignInThrottleSettings(@DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("15m") Duration lockDuration) {
}
