package com.partnerdesk.licensing;

/** Seats of one product summed over every customer. */
public record ProductSeats(String productName, String sku, long seatsTotal, long seatsAssigned, long customers) {

    public long available() {
        return seatsTotal - seatsAssigned;
    }

    /** Nearly full: at or above this share of seats used, the dashboard highlights the product. */
    public static final int NEARLY_FULL_PERCENT = 90;

    public boolean isNearlyFull() {
        return seatsTotal > 0 && seatsAssigned * 100 >= seatsTotal * NEARLY_FULL_PERCENT;
    }

    public int percentUsed() {
        return seatsTotal == 0 ? 0 : (int) Math.round(100.0 * seatsAssigned / seatsTotal);
    }
}
