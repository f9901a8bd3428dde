package com.partnerdesk.directory;

import java.time.Instant;

/**
 * Why a folded username cannot be given to a new user of a customer; any of the three may hold at once.
 * @param username        the name, folded by the database's {@code lower}
 * @param activeUsername  the name as an active user of the customer spells it, or null
 * @param restorableUntil when no active user has it: the end of the restore window of the customer's deleted user who
 *                        had it last, or null
 * @param takenElsewhere  a user of another customer, active or still restorable, claims it
 */
public record TakenUsername(String username, String activeUsername, Instant restorableUntil,
        boolean takenElsewhere) {
}
