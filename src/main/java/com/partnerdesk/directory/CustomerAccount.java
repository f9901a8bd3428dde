package com.partnerdesk.directory;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import com.partnerdesk.directory.internal.DirectoryUser;

/**
 * A customer user as the user's own pages see it. The credential stamp changes whenever the password does, so a
 * session opened with an old password can be recognised without keeping any hash in the session.
 */
public record CustomerAccount(UUID customerId, UUID userId, String username, String displayName, String firstName,
        String lastName, boolean mustChangePassword, Instant passwordExpiresAt, String credentialStamp)
        implements Serializable {

    static CustomerAccount of(DirectoryUser user) {
        return new CustomerAccount(user.getCustomerId(), user.getId(), user.getUsername(), user.getDisplayName(),
                user.getFirstName(), user.getLastName(), user.isPasswordTemporary(), user.getPasswordExpiresAt(),
                stamp(user.getPasswordHash()));
    }

    private static String stamp(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(String.valueOf(passwordHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
