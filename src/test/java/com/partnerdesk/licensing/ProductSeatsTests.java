package com.partnerdesk.licensing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductSeatsTests {

    @Test
    void productIsNearlyFullFromNinetyPercentOfSeatsUsed() {
        assertThat(new ProductSeats("E3", "SPE_E3", 100, 89, 2).isNearlyFull()).isFalse();
        assertThat(new ProductSeats("E3", "SPE_E3", 100, 90, 2).isNearlyFull()).isTrue();
        assertThat(new ProductSeats("E3", "SPE_E3", 7, 7, 1).isNearlyFull()).isTrue();
        assertThat(new ProductSeats("E3", "SPE_E3", 0, 0, 1).isNearlyFull()).isFalse();
        assertThat(new ProductSeats("E3", "SPE_E3", 3, 2, 1).percentUsed()).isEqualTo(67);
    }
}
