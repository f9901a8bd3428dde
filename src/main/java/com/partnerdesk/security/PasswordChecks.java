package com.partnerdesk.security;

import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks typed passwords against work-factor (bcrypt) hashes for the sign-in doors that do not go through Spring
 * Security's own password check, with the application's {@link PasswordEncoder}.
 */
@Component
public class PasswordChecks {

    private final PasswordEncoder encoder;

    /** A hash of nothing anyone types, of the same cost as a real one, to check against when there is no real one. */
    private final String decoy;

    PasswordChecks(PasswordEncoder passwordEncoder) {
        this.encoder = passwordEncoder;
        this.decoy = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /** Whether {@code typed} is the password of a work-factor hash such as {@code {bcrypt}…}. */
    public boolean matches(String typed, String workFactorHash) {
        return encoder.matches(typed == null ? "" : typed, workFactorHash);
    }

    /** Spends what {@link #matches} costs, on an account that has no work-factor hash to check. */
    public void spendOnDecoy(String typed) {
        encoder.matches(typed == null ? "" : typed, decoy);
    }
}
