package com.partnerdesk.csvimport;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key of one import's password list. It lives only in the creating staff member's browser (a cookie) and in
 * memory while the list is written; the database holds only what it encrypts.
 */
public record PasswordListKey(byte[] bytes) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static PasswordListKey generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new PasswordListKey(key);
    }

    /** @return null when the text is not a key (a tampered or foreign cookie) */
    public static PasswordListKey parse(String text) {
        try {
            byte[] key = Base64.getUrlDecoder().decode(text);
            return key.length == 32 ? new PasswordListKey(key) : null;
        }
        catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    public String encoded() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "PasswordListKey[hidden]";
    }
}
