package com.partnerdesk.csvimport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-GCM over the list of created users and their passwords; a wrong key or altered bytes fail authentication. */
final class PasswordListCipher {

    private static final int IV_LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordListCipher() {
    }

    /** Tabs and line breaks separate fields and users: the name rules keep both out of every value. */
    static byte[] encrypt(List<CreatedCredential> credentials, PasswordListKey key) {
        StringBuilder text = new StringBuilder(credentials.size() * 80);
        for (CreatedCredential credential : credentials) {
            text.append(credential.displayName()).append('\t').append(credential.username()).append('\t')
                    .append(credential.temporaryPassword()).append('\n');
        }
        byte[] iv = new byte[IV_LENGTH];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
            byte[] result = new byte[IV_LENGTH + sealed.length];
            System.arraycopy(iv, 0, result, 0, IV_LENGTH);
            System.arraycopy(sealed, 0, result, IV_LENGTH, sealed.length);
            return result;
        }
        catch (GeneralSecurityException failure) {
            throw new IllegalStateException("AES-GCM is unavailable", failure);
        }
    }

    /** @return null when the key does not open the list */
    static List<CreatedCredential> decrypt(byte[] sealed, PasswordListKey key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"),
                    new GCMParameterSpec(128, sealed, 0, IV_LENGTH));
            String text = new String(cipher.doFinal(sealed, IV_LENGTH, sealed.length - IV_LENGTH),
                    StandardCharsets.UTF_8);
            List<CreatedCredential> credentials = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) {
                    String[] fields = line.split("\t", 3);
                    credentials.add(new CreatedCredential(fields[0], fields[1], fields[2]));
                }
            }
            return credentials;
        }
        catch (javax.crypto.AEADBadTagException wrongKey) {
            return null;
        }
        catch (GeneralSecurityException failure) {
            throw new IllegalStateException("AES-GCM is unavailable", failure);
        }
    }
}
