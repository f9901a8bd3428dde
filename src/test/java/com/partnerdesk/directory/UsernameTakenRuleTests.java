package com.partnerdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.partnerdesk.directory.internal.UsernameClaims.Holder;
import com.partnerdesk.directory.internal.UsernameClaims.Taken;
import com.partnerdesk.directory.internal.UsernameClaims;
import org.junit.jupiter.api.Test;

/** "Username taken or still restorable", the one rule behind Add user, the CSV import, Restore and Restore as. */
class UsernameTakenRuleTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static final Duration WINDOW = Duration.ofDays(30);

    private final UUID customer = UUID.randomUUID();

    private final UUID otherCustomer = UUID.randomUUID();

    private final UUID user = UUID.randomUUID();

    @Test
    void anUnclaimedNameIsFree() {
        assertThat(UsernameClaims.takenFrom(null, customer, null, NOW, WINDOW)).isEqualTo(Taken.FREE);
    }

    @Test
    void anActiveUserOfTheCustomerTakesItsName() {
        Holder active = new Holder(customer, user, null);

        assertThat(UsernameClaims.takenFrom(active, customer, null, NOW, WINDOW)).isEqualTo(Taken.BY_ACTIVE_USER);
        assertThat(UsernameClaims.takenFrom(active, customer, UUID.randomUUID(), NOW, WINDOW))
            .isEqualTo(Taken.BY_ACTIVE_USER);
    }

    @Test
    void aDeletedUserKeepsItsNameUntilItsRestoreWindowEnds() {
        Holder restorable = new Holder(customer, user, NOW.minus(WINDOW).plusSeconds(1));
        Holder expired = new Holder(customer, user, NOW.minus(WINDOW));

        assertThat(UsernameClaims.takenFrom(restorable, customer, null, NOW, WINDOW))
            .isEqualTo(Taken.BY_RESTORABLE_USER);
        assertThat(UsernameClaims.takenFrom(expired, customer, null, NOW, WINDOW)).isEqualTo(Taken.FREE);
    }

    @Test
    void aNameHeldInAnotherCustomersDirectoryIsTakenElsewhereActiveOrRestorable() {
        assertThat(UsernameClaims.takenFrom(new Holder(otherCustomer, user, null), customer, null, NOW, WINDOW))
            .isEqualTo(Taken.ELSEWHERE);
        assertThat(UsernameClaims.takenFrom(new Holder(otherCustomer, user, NOW.minusSeconds(60)), customer, null,
                NOW, WINDOW)).isEqualTo(Taken.ELSEWHERE);
        assertThat(UsernameClaims.takenFrom(new Holder(otherCustomer, user, NOW.minus(WINDOW)), customer, null, NOW,
                WINDOW)).isEqualTo(Taken.FREE);
    }

    @Test
    void aUserBeingRestoredIsNotKeptFromItsOwnName() {
        Holder own = new Holder(customer, user, NOW.minusSeconds(60));

        assertThat(UsernameClaims.takenFrom(own, customer, user, NOW, WINDOW)).isEqualTo(Taken.FREE);
    }
}
