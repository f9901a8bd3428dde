package com.partnerdesk.handoff.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.partnerdesk.handoff.IssuedCredential;

/**
 * AES-256-GCM over a handoff's list. The handoff id is authenticated with it, so a sealed list cannot be moved to
 * another row. The sealed form is the 12-byte nonce followed by ciphertext and tag.
 */
public final class HandoffCipher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int NONCE_LENGTH = 12;

    private HandoffCipher() {
    }

    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    public static byte[] seal(String key, UUID handoffId, List<IssuedCredential> credentials) {
        try {
            byte[] nonce = new byte[NONCE_LENGTH];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secretKey(key), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(bytes(handoffId));
            byte[] ciphertext = cipher.doFinal(serialise(credentials));
            return ByteBuffer.allocate(NONCE_LENGTH + ciphertext.length).put(nonce).put(ciphertext).array();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The list, or nothing when the key is not the one it was sealed with (or anything was tampered with). */
    public static Optional<List<IssuedCredential>> open(String key, UUID handoffId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secretKey(key), new GCMParameterSpec(128, sealed, 0, NONCE_LENGTH));
            cipher.updateAAD(bytes(handoffId));
            return Optional.of(deserialise(cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH)));
        }
        catch (GeneralSecurityException | IllegalArgumentException wrongKey) {
            return Optional.empty();
        }
    }

    private static SecretKeySpec secretKey(String key) {
        byte[] raw = Base64.getUrlDecoder().decode(key);
        if (raw.length != 32) {
            throw new IllegalArgumentException("Not a handoff key");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
            .array();
    }

    private static byte[] serialise(List<IssuedCredential> credentials) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(credentials.size() * 96);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(credentials.size());
            for (IssuedCredential credential : credentials) {
                out.writeUTF(credential.displayName());
                out.writeUTF(credential.username());
                out.writeUTF(credential.temporaryPassword());
            }
            out.flush();
            return buffer.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<IssuedCredential> deserialise(byte[] plain) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
            int count = in.readInt();
            List<IssuedCredential> credentials = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                credentials.add(new IssuedCredential(in.readUTF(), in.readUTF(), in.readUTF()));
            }
            return credentials;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
