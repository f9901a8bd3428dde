package com.partnerdesk.directory.internal;

import java.util.UUID;

/**
 * One deleted user to restore, under its own username ({@code newUsername} null) or under a new one.
 */
public record RestoreRequest(UUID userId, String newUsername) {

    public static RestoreRequest asBefore(UUID userId) {
        return new RestoreRequest(userId, null);
    }
}
