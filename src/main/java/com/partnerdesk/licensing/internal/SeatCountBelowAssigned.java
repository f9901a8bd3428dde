package com.partnerdesk.licensing.internal;

/** A subscription cannot have fewer seats than users holding it: a license is never taken away by a seat change. */
public class SeatCountBelowAssigned extends RuntimeException {

    private final String productName;

    private final int requestedTotal;

    private final int seatsAssigned;

    public SeatCountBelowAssigned(String productName, int requestedTotal, int seatsAssigned) {
        super(productName + ": cannot reduce to " + requestedTotal + " seats, " + seatsAssigned + " are assigned");
        this.productName = productName;
        this.requestedTotal = requestedTotal;
        this.seatsAssigned = seatsAssigned;
    }

    public String getProductName() {
        return productName;
    }

    public int getRequestedTotal() {
        return requestedTotal;
    }

    public int getSeatsAssigned() {
        return seatsAssigned;
    }
}
