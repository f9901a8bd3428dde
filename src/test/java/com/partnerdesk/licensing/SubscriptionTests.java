package com.partnerdesk.licensing;

import java.time.Instant;
import java.util.UUID;

import com.partnerdesk.licensing.internal.SeatCountBelowAssigned;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionTests {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aNewSubscriptionHasAllItsSeatsFree() {
        Subscription subscription = Subscription.create(UUID.randomUUID(), new Product(), 25, NOW);

        assertThat(subscription.seats()).isEqualTo(new Seats(25, 0));
        assertThat(subscription.available()).isEqualTo(25);
        assertThat(subscription.seats().canAssign(25)).isTrue();
        assertThat(subscription.seats().canAssign(26)).isFalse();
    }

    @Test
    void refusesANegativeNumberOfSeats() {
        assertThatThrownBy(() -> Subscription.create(UUID.randomUUID(), new Product(), -1, NOW))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Seats(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heldSeatsCannotGoNegative() {
        assertThatThrownBy(() -> new Seats(10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Seats(10, 0).available()).isEqualTo(10);
    }

    @Test
    void heldSeatsCannotGoAboveTheTotal() {
        Seats seats = new Seats(10, 8);

        assertThat(seats.canAssign(2)).isTrue();
        assertThat(seats.canAssign(3)).isFalse();
        assertThat(new Seats(10, 10).available()).isZero();
        assertThatThrownBy(() -> new Seats(10, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTotalCanGrowOrShrinkDownToTheAssignedSeats() {
        Seats seats = new Seats(10, 7);

        assertThat(seats.canChangeTotalTo(50)).isTrue();
        assertThat(seats.canChangeTotalTo(7)).isTrue();
        assertThat(seats.canChangeTotalTo(6)).isFalse();
        assertThatThrownBy(() -> new Seats(6, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reducingSeatsBelowAssignedIsRefusedWithTheNumbers() {
        Subscription subscription = Subscription.create(UUID.randomUUID(), new Product(), 5, NOW);

        subscription.requireSeatsTotalAllowed(0);
        assertThatThrownBy(() -> subscription.requireSeatsTotalAllowed(-1))
            .isInstanceOf(SeatCountBelowAssigned.class)
            .satisfies(e -> assertThat(((SeatCountBelowAssigned) e).getSeatsAssigned()).isZero());
    }
}
