package com.partnerdesk.directory.internal;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * What one Restore request did, user by user, for the result page and the audit trail. Kept across the redirect to
 * the result page, hence serialisable.
 */
public record RestoreReport(List<UserOutcome> users) implements Serializable {

    public RestoreReport {
        users = List.copyOf(users);
    }

    public long restoredCount() {
        return users.stream().filter(UserOutcome::isRestored).count();
    }

    public enum Status {
        /** Active again, with the licenses listed. */
        RESTORED,
        /** An active user holds the username now; the user can be restored under a new one. */
        USERNAME_TAKEN,
        /**
         * A user of another customer holds the username now (which customer is never said); the user can be restored
         * under a new one.
         */
        USERNAME_TAKEN_ELSEWHERE,
        /**
         * The customer no longer verifies the username's domain (see docs/decisions/0009); the user can be restored
         * under a new username in a verified domain.
         */
        DOMAIN_NOT_VERIFIED,
        /** The restore window ended (the purge may not have run yet). */
        WINDOW_ENDED,
        /** The user is not deleted (restored already, perhaps from another tab). */
        NOT_DELETED
    }

    public enum LicenseProblem {
        NO_FREE_SEAT, SUBSCRIPTION_GONE
    }

    /** A license that was not given back, and why. {@code subscriptionId} is null when the subscription is gone. */
    public record LicenseNotRestored(String productName, UUID subscriptionId, LicenseProblem problem)
            implements Serializable {
    }

    /**
     * @param previousUsername the username before a restore under a new one, otherwise null
     */
    public record UserOutcome(UUID userId, String displayName, String username, String previousUsername, Status status,
            List<String> licensesRestored, List<LicenseNotRestored> licensesNotRestored) implements Serializable {

        public UserOutcome {
            licensesRestored = List.copyOf(licensesRestored);
            licensesNotRestored = List.copyOf(licensesNotRestored);
        }

        public boolean isRestored() {
            return status == Status.RESTORED;
        }

        /** Whether the user can still be restored, only under another username. */
        public boolean needsNewUsername() {
            return status == Status.USERNAME_TAKEN || status == Status.USERNAME_TAKEN_ELSEWHERE
                    || status == Status.DOMAIN_NOT_VERIFIED;
        }

        /** The part of the username before the "@", to start the new one from. */
        public String localPart() {
            return username.substring(0, username.indexOf('@'));
        }
    }
}
