package com.partnerdesk.licensing.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** "Add a subscription": a product of the catalogue the customer does not have yet, and its seats. */
record AddSubscriptionForm(@NotBlank(message = "{subscriptions.add.productRequired}") String sku,
        @NotNull(message = "{subscriptions.add.seatsRequired}") @Min(value = 1, message = "{subscriptions.add.seatsRange}")
        @Max(value = SeatCountForm.MAX_SEATS, message = "{subscriptions.add.seatsRange}") Integer seats) {
}
