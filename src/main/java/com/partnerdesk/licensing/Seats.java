package com.partnerdesk.licensing;

/**
 * A subscription's seats: how many it has and how many users hold. Neither number can go negative and no more seats
 * can be held than the subscription has, the same rule the {@code ck_subscription_seats_within_total} check enforces.
 */
public record Seats(int total, int assigned) {

    public Seats {
        if (total < 0) {
            throw new IllegalArgumentException("A subscription cannot have a negative number of seats");
        }
        if (assigned < 0 || assigned > total) {
            throw new IllegalArgumentException(assigned + " seats cannot be held out of " + total);
        }
    }

    public int available() {
        return total - assigned;
    }

    /** Whether {@code seats} more users can get the license. */
    public boolean canAssign(int seats) {
        return seats <= available();
    }

    /** Whether the total may become {@code newTotal} without taking a license from anyone who holds it. */
    public boolean canChangeTotalTo(int newTotal) {
        return newTotal >= 0 && newTotal >= assigned;
    }
}
