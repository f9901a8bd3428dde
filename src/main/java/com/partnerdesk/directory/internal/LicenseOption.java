package com.partnerdesk.directory.internal;

import java.util.UUID;

import com.partnerdesk.licensing.Seats;

/**
 * One subscription in the "Manage licenses" editor, measured against the selected users.
 *
 * @param holders          selected users who hold it
 * @param selectedUsers    all selected users
 * @param seatsToAssign    seats that assigning it to all would take: selected users without it who have a usage
 *                         location (users without one cannot get a license)
 */
public record LicenseOption(UUID subscriptionId, String productName, String sku, Seats seats, int holders,
        int selectedUsers, int seatsToAssign) {

    /** Who among the selected users holds it: the tri-state of its checkbox. */
    public enum Holding {
        ALL, SOME, NONE
    }

    public Holding holding() {
        if (holders == 0) {
            return Holding.NONE;
        }
        return holders == selectedUsers ? Holding.ALL : Holding.SOME;
    }

    /** Whether assigning it to every selected user fits in the free seats. */
    public boolean canAssignToAll() {
        return seats.canAssign(seatsToAssign);
    }

    /** Seats that removing it from every selected user frees. */
    public int seatsFreedByRemoving() {
        return holders;
    }
}
