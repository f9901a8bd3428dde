package com.partnerdesk.dashboard;

/** Seats of one product summed over every customer. */
public record ProductSeats(String productName, String sku, long seatsTotal, long seatsAssigned, long customers) {

    public long available() {
        return seatsTotal - seatsAssigned;
    }

    public int percentUsed() {
        return seatsTotal == 0 ? 0 : (int) Math.round(100.0 * seatsAssigned / seatsTotal);
    }
}
