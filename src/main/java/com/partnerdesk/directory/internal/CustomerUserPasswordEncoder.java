package com.partnerdesk.directory.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The hashes of customer users' passwords. A password the user chose is hashed with bcrypt ({@code {bcrypt}...}); a
 * temporary one, a 95-bit random secret, with salted SHA-256 ({@code {tmp-sha256}salt$digest}) so that thousands can be
 * issued per second. See docs/decisions/0004-temporary-password-hashing.md.
 */
public final class CustomerUserPasswordEncoder {

    static final String TEMPORARY_ID = "tmp-sha256";

    private static final PasswordEncoder TEMPORARY = new SaltedSha256();

    private static final PasswordEncoder OWN = new BCryptPasswordEncoder();

    private static final DelegatingPasswordEncoder ANY = new DelegatingPasswordEncoder("bcrypt",
            Map.of("bcrypt", OWN, TEMPORARY_ID, TEMPORARY));

    private CustomerUserPasswordEncoder() {
    }

    /** Checks a password against either kind of stored hash. */
    public static boolean matches(String rawPassword, String storedHash) {
        return storedHash != null && rawPassword != null && ANY.matches(rawPassword, storedHash);
    }

    public static String hashTemporary(String temporaryPassword) {
        return "{" + TEMPORARY_ID + "}" + TEMPORARY.encode(temporaryPassword);
    }

    public static String hashOwn(String password) {
        return ANY.encode(password);
    }

    /** Whether the stored hash is a temporary password's, checked with {@link #matchesTemporary}. */
    public static boolean isTemporary(String storedHash) {
        return storedHash.startsWith("{" + TEMPORARY_ID + "}");
    }

    /** Checks a password against a temporary password's hash ({@link #isTemporary}). */
    public static boolean matchesTemporary(String rawPassword, String storedHash) {
        return rawPassword != null
                && TEMPORARY.matches(rawPassword, storedHash.substring(TEMPORARY_ID.length() + 2));
    }

    /** Salted SHA-256: 16 random bytes of salt per password, compared in constant time. */
    private static final class SaltedSha256 implements PasswordEncoder {

        private static final SecureRandom RANDOM = new SecureRandom();

        @Override
        public String encode(CharSequence rawPassword) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
            return base64.encodeToString(salt) + "$" + base64.encodeToString(digest(salt, rawPassword));
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            int dollar = encodedPassword.indexOf('$');
            if (dollar < 0) {
                return false;
            }
            try {
                byte[] salt = Base64.getDecoder().decode(encodedPassword.substring(0, dollar));
                byte[] expected = Base64.getDecoder().decode(encodedPassword.substring(dollar + 1));
                return MessageDigest.isEqual(expected, digest(salt, rawPassword));
            }
            catch (IllegalArgumentException malformed) {
                return false;
            }
        }

        private static byte[] digest(byte[] salt, CharSequence rawPassword) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update(salt);
                return sha256.digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            }
            catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
