package com.partnerdesk.licensing;

import java.time.Instant;
import java.util.UUID;

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
        assertThat(subscription.canAssign(25)).isTrue();
        assertThat(subscription.canAssign(26)).isFalse();
    }

    @Test
    void refusesANegativeNumberOfSeats() {
        assertThatThrownBy(() -> Subscription.create(UUID.randomUUID(), new Product(), -1, NOW))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Seats(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heldSeatsCannotGoNegative() {
        Seats seats = new Seats(10, 2);

        assertThatThrownBy(() -> seats.release(3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(seats.release(2)).isEqualTo(new Seats(10, 0));
    }

    @Test
    void heldSeatsCannotGoAboveTheTotal() {
        Seats seats = new Seats(10, 8);

        assertThat(seats.canAssign(2)).isTrue();
        assertThat(seats.canAssign(3)).isFalse();
        assertThat(seats.assign(2)).isEqualTo(new Seats(10, 10));
        assertThatThrownBy(() -> seats.assign(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Seats(10, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTotalCanGrowOrShrinkDownToTheAssignedSeats() {
        Seats seats = new Seats(10, 7);

        assertThat(seats.canChangeTotalTo(50)).isTrue();
        assertThat(seats.withTotal(7)).isEqualTo(new Seats(7, 7));
        assertThat(seats.canChangeTotalTo(6)).isFalse();
        assertThatThrownBy(() -> seats.withTotal(6)).isInstanceOf(IllegalArgumentException.class);
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
