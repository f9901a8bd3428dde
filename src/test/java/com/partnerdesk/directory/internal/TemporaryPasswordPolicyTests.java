package com.partnerdesk.directory.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import com.partnerdesk.directory.OwnPasswordPolicy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Temporary passwords: how they look, how they are stored, when they stop working. Time comes from a fixed clock. */
class TemporaryPasswordPolicyTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    private final TemporaryPasswords passwords = new TemporaryPasswords(new SecureRandom(), Duration.ofDays(14));

    @Test
    void passwordsAreLongUnambiguousAndMixEveryKindOfCharacter() {
        for (int i = 0; i < 2_000; i++) {
            String password = passwords.generate();
            assertThat(password).hasSizeGreaterThanOrEqualTo(14);
            assertThat(password).doesNotContainAnyWhitespaces()
                .doesNotContain("0", "O", "1", "l", "I", "=", "+", "-", "@", "\"", "'", ",", ";");
            assertThat(password.chars().allMatch(c -> TemporaryPasswords.ALPHABET.indexOf(c) >= 0)).isTrue();
            assertThat(password).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[2-9]")
                .containsPattern("[#$%&*?!]");
        }
    }

    @Test
    void noTwoPasswordsAreAlike() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add(passwords.generate())).isTrue();
        }
    }

    @Test
    void theGuaranteedCharacterKindsDoNotSitAtFixedPositions() {
        Set<Character> firstCharacters = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            firstCharacters.add(passwords.generate().charAt(0));
        }
        assertThat(firstCharacters).anyMatch(Character::isDigit).anyMatch(Character::isLowerCase)
            .anyMatch(c -> TemporaryPasswords.SYMBOLS.indexOf(c) >= 0);
    }

    @Test
    void aTemporaryPasswordExpiresAfterFourteenDaysByDefault() {
        Instant issued = clock.instant();
        DirectoryUser user = user();
        user.issueTemporaryPassword(CustomerUserPasswordEncoder.hashTemporary("x"), passwords.expiresAt(issued), issued);

        assertThat(passwords.expiresAt(issued)).isEqualTo(Instant.parse("2026-03-15T09:00:00Z"));
        assertThat(user.isTemporaryPasswordExpiredAt(issued.plus(Duration.ofDays(14)).minusSeconds(1))).isFalse();
        assertThat(user.isTemporaryPasswordExpiredAt(issued.plus(Duration.ofDays(14)))).isTrue();
    }

    @Test
    void theLifetimeIsASetting() {
        TemporaryPasswords shortLived = new TemporaryPasswords(new SecureRandom(), Duration.ofHours(48));
        assertThat(shortLived.expiresAt(clock.instant())).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    }

    @Test
    void aPasswordTheUserChoseNeverExpires() {
        DirectoryUser user = user();
        Instant now = clock.instant();
        user.issueTemporaryPassword(CustomerUserPasswordEncoder.hashTemporary("x"), now.plusSeconds(60), now);
        user.chooseOwnPassword(CustomerUserPasswordEncoder.hashOwn("a long passphrase of mine"), now);
        assertThat(user.isPasswordTemporary()).isFalse();
        assertThat(user.isTemporaryPasswordExpiredAt(now.plus(Duration.ofDays(3650)))).isFalse();
    }

    @Test
    void onlyASaltedHashIsStoredAndItStillRecognisesThePassword() {
        String password = passwords.generate();
        String first = CustomerUserPasswordEncoder.hashTemporary(password);
        String second = CustomerUserPasswordEncoder.hashTemporary(password);
        assertThat(first).startsWith("{tmp-sha256}").doesNotContain(password).isNotEqualTo(second);
        assertThat(CustomerUserPasswordEncoder.matches(password, first)).isTrue();
        assertThat(CustomerUserPasswordEncoder.matches(password, second)).isTrue();
        assertThat(CustomerUserPasswordEncoder.matches(password + "x", first)).isFalse();
        assertThat(CustomerUserPasswordEncoder.matches(password, "{tmp-sha256}broken")).isFalse();
    }

    @Test
    void theUsersOwnPasswordIsHashedWithBcrypt() {
        String hash = CustomerUserPasswordEncoder.hashOwn("correct horse battery staple");
        assertThat(hash).startsWith("{bcrypt}$2");
        assertThat(CustomerUserPasswordEncoder.matches("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void theUsersOwnPasswordMustBeLongNotTheTemporaryOneAndNotContainTheUsername() {
        String temporary = "Abc#2345defGHJKm";
        String hash = CustomerUserPasswordEncoder.hashTemporary(temporary);
        String username = "ada.lovelace@contoso.example";
        assertThat(OwnPasswordPolicy.check("short pass", username, hash)).containsExactly("portal.password.tooShort");
        assertThat(OwnPasswordPolicy.check(temporary, username, hash)).containsExactly("portal.password.sameAsTemporary");
        assertThat(OwnPasswordPolicy.check("my ADA.LOVELACE secret", username, hash))
            .containsExactly("portal.password.containsUsername");
        assertThat(OwnPasswordPolicy.check("x" + username, username, hash)).contains("portal.password.containsUsername");
        assertThat(OwnPasswordPolicy.check("twelve chars", username, hash)).isEmpty();
    }

    private DirectoryUser user() {
        // Users are created in SQL, set-based; the entity is only ever loaded. A new one holds no password yet.
        return new DirectoryUser();
    }
}
