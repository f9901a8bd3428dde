package com.partnerdesk.licensing.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A new seat count for a subscription; whether it is at least the seats in use is the subscription's rule. */
record SeatCountForm(@NotNull @Min(0) @Max(MAX_SEATS) Integer seatsTotal) {

    /** More seats than any customer buys at once: a typo guard, not a business rule. */
    static final int MAX_SEATS = 1_000_000;
}
