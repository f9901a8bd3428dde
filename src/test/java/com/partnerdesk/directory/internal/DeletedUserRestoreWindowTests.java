package com.partnerdesk.directory.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DeletedUserRestoreWindowTests {

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private static final Instant DELETED_AT = Instant.parse("2026-03-01T10:15:30Z");

    private final Clock clock = Clock.fixed(DELETED_AT, ZoneOffset.UTC);

    private DirectoryUser deletedUser() {
        // Users are created in SQL, set-based; the entity is only ever loaded. Here it holds just what the rules read.
        DirectoryUser user = new DirectoryUser();
        ReflectionTestUtils.setField(user, "username", "ada@contoso.example");
        user.delete(clock.instant(), "admin");
        return user;
    }

    @Test
    void isRestorableUntilTheLastSecondOfTheWindow() {
        DirectoryUser user = deletedUser();

        assertThat(user.isRestorableAt(DELETED_AT, THIRTY_DAYS)).isTrue();
        assertThat(user.isRestorableAt(DELETED_AT.plus(THIRTY_DAYS).minusSeconds(1), THIRTY_DAYS)).isTrue();
        assertThat(user.isRestorableAt(DELETED_AT.plus(THIRTY_DAYS).minusNanos(1), THIRTY_DAYS)).isTrue();
    }

    @Test
    void isNotRestorableFromTheMomentTheWindowEnds() {
        DirectoryUser user = deletedUser();

        assertThat(user.isRestorableAt(DELETED_AT.plus(THIRTY_DAYS), THIRTY_DAYS)).isFalse();
        assertThat(user.isRestorableAt(DELETED_AT.plus(THIRTY_DAYS).plusSeconds(1), THIRTY_DAYS)).isFalse();
        assertThatIllegalStateException()
            .isThrownBy(() -> user.restore(null, DELETED_AT.plus(THIRTY_DAYS), THIRTY_DAYS));
    }

    @Test
    void theWindowLengthIsConfigurable() {
        DirectoryUser user = deletedUser();
        Duration sevenDays = Duration.ofDays(7);

        assertThat(user.isRestorableAt(DELETED_AT.plus(sevenDays).minusSeconds(1), sevenDays)).isTrue();
        assertThat(user.isRestorableAt(DELETED_AT.plus(sevenDays), sevenDays)).isFalse();
    }

    @Test
    void thePurgeTakesExactlyTheUsersThatAreNoLongerRestorable() {
        Instant now = DELETED_AT.plus(THIRTY_DAYS);

        assertThat(DirectoryUser.lastExpiredDeletionAt(now, THIRTY_DAYS)).isEqualTo(DELETED_AT);
        assertThat(DirectoryUser.lastExpiredDeletionAt(now.minusSeconds(1), THIRTY_DAYS)).isBefore(DELETED_AT);
    }

    @Test
    void daysLeftCountsAStartedDayAsADay() {
        DirectoryUser user = deletedUser();

        assertThat(user.daysLeftToRestoreAt(DELETED_AT, THIRTY_DAYS)).isEqualTo(30);
        assertThat(user.daysLeftToRestoreAt(DELETED_AT.plusSeconds(1), THIRTY_DAYS)).isEqualTo(30);
        assertThat(user.daysLeftToRestoreAt(DELETED_AT.plus(Duration.ofDays(1)), THIRTY_DAYS)).isEqualTo(29);
        assertThat(user.daysLeftToRestoreAt(DELETED_AT.plus(Duration.ofDays(29)), THIRTY_DAYS)).isEqualTo(1);
        assertThat(user.daysLeftToRestoreAt(DELETED_AT.plus(THIRTY_DAYS).minusSeconds(1), THIRTY_DAYS)).isEqualTo(1);
        assertThat(user.daysLeftToRestoreAt(DELETED_AT.plus(THIRTY_DAYS), THIRTY_DAYS)).isZero();
        assertThat(user.daysLeftToRestoreAt(DELETED_AT.plus(Duration.ofDays(45)), THIRTY_DAYS)).isZero();
    }

    @Test
    void restoreMakesTheUserActiveAgainUnderItsOwnOrANewUsername() {
        DirectoryUser kept = deletedUser();
        kept.restore(null, DELETED_AT.plus(Duration.ofDays(3)), THIRTY_DAYS);
        assertThat(kept.isDeleted()).isFalse();
        assertThat(kept.getDeletedBy()).isNull();
        assertThat(kept.getUsername()).isEqualTo("ada@contoso.example");

        DirectoryUser renamed = deletedUser();
        renamed.restore("ada.lovelace@contoso.example", DELETED_AT.plus(Duration.ofDays(3)), THIRTY_DAYS);
        assertThat(renamed.getUsername()).isEqualTo("ada.lovelace@contoso.example");
    }

    @Test
    void anActiveUserCannotBeRestoredOrDeletedTwice() {
        DirectoryUser user = deletedUser();

        assertThatIllegalStateException().isThrownBy(() -> user.delete(DELETED_AT.plusSeconds(5), "admin"));
        user.restore(null, DELETED_AT.plusSeconds(10), THIRTY_DAYS);
        assertThatIllegalStateException().isThrownBy(() -> user.restore(null, DELETED_AT.plusSeconds(20), THIRTY_DAYS));
    }
}
