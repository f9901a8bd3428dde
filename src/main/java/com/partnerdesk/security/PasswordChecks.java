package com.partnerdesk.security;

import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The work-factor (bcrypt) check, with the application's {@link PasswordEncoder}, that every sign-in attempt pays
 * exactly once, at either door and whichever way it is answered: an own password is checked against its hash, and an
 * attempt with no such hash to check (an unknown username, a temporary password, a throttled attempt) is checked
 * against a decoy of the same cost. The time of the answer then tells nothing about the account
 * (docs/decisions/0013-staff-sessions-and-equal-sign-in-work.md).
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
