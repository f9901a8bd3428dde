package com.partnerdesk.directory.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issues temporary passwords: long random secrets an administrator reads out or prints, never memorised ones.
 * <p>
 * The alphabet leaves out characters that are easily confused on paper or on the phone ({@code 0 O 1 l I}) and
 * symbols that spreadsheets or CSV files treat specially. Sixteen characters from it carry about 95 bits, which is why
 * a fast salted hash suffices for them (docs/decisions/0004-temporary-password-hashing.md).
 */
@Component
public class TemporaryPasswords {

    public static final int LENGTH = 16;

    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

    static final String DIGITS = "23456789";

    public static final String SYMBOLS = "#$%&*?!";

    public static final String ALPHABET = UPPER + LOWER + DIGITS + SYMBOLS;

    private final SecureRandom random;

    private final Duration lifetime;

    @Autowired
    TemporaryPasswords(@Value("${partnerdesk.directory.temporary-password-lifetime:14d}") Duration lifetime) {
        this(new SecureRandom(), lifetime);
    }

    TemporaryPasswords(SecureRandom random, Duration lifetime) {
        this.random = random;
        this.lifetime = lifetime;
    }

    /** A new password with at least one upper-case letter, lower-case letter, digit and symbol. */
    public String generate() {
        char[] password = new char[LENGTH];
        password[0] = pick(UPPER);
        password[1] = pick(LOWER);
        password[2] = pick(DIGITS);
        password[3] = pick(SYMBOLS);
        for (int i = 4; i < LENGTH; i++) {
            password[i] = pick(ALPHABET);
        }
        // The four guaranteed classes must not sit at known positions.
        for (int i = LENGTH - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        return new String(password);
    }

    /** When a temporary password issued at {@code now} stops being accepted. */
    public Instant expiresAt(Instant now) {
        return now.plus(lifetime);
    }

    public Duration lifetime() {
        return lifetime;
    }

    private char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}
