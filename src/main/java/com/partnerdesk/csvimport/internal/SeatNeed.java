package com.partnerdesk.csvimport.internal;

import java.util.UUID;

/**
 * What creating an import would take from one subscription: every valid row that gets its license.
 *
 * @param chosenForFile the license is given to every user of the file, chosen on the preview page
 */
public record SeatNeed(UUID subscriptionId, String productName, String sku, int needed, int available,
        boolean chosenForFile) {

    public boolean fits() {
        return needed <= available;
    }
}
