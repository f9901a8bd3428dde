package com.partnerdesk.licensing;

import java.util.UUID;

/**
 * A change would assign more seats than a subscription has. The whole change is rolled back.
 */
public class SeatsExhausted extends RuntimeException {

    private final UUID subscriptionId;

    private final String productName;

    private final int seatsNeeded;

    private final int seatsAvailable;

    public SeatsExhausted(UUID subscriptionId, String productName, int seatsNeeded, int seatsAvailable) {
        super(productName + ": " + seatsNeeded + " seats needed, " + seatsAvailable + " available");
        this.subscriptionId = subscriptionId;
        this.productName = productName;
        this.seatsNeeded = seatsNeeded;
        this.seatsAvailable = seatsAvailable;
    }

    public UUID getSubscriptionId() {
        return subscriptionId;
    }

    public String getProductName() {
        return productName;
    }

    public int getSeatsNeeded() {
        return seatsNeeded;
    }

    public int getSeatsAvailable() {
        return seatsAvailable;
    }
}
