package com.partnerdesk.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long records of failed and refused sign-ins are kept: the aggregated refusals and the audit entries of wrong
 * passwords. Successful sign-ins are actions like any other and stay in the audit trail.
 */
@ConfigurationProperties("partnerdesk.security")
record SignInRecordSettings(@DefaultValue("90d") Duration signInRetention) {

    SignInRecordSettings {
        if (signInRetention.isNegative() || signInRetention.isZero()) {
            throw new IllegalArgumentException(
                    "partnerdesk.security.sign-in-retention must be longer than zero, was " + signInRetention);
        }
    }
}
