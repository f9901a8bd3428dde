package com.partnerdesk.handoff.internal;

import java.time.Instant;
import java.util.List;

import com.partnerdesk.handoff.IssuedCredential;

/**
 * What the confirmation page may show for one of its pages.
 *
 * @param credentials the page's lines, only at its first showing; empty afterwards
 * @param firstShowing whether this is the one time the passwords of this page are shown
 * @param total how many credentials the whole handoff holds
 * @param availableUntil until when Email and Download still work
 */
public record HandoffPage(List<IssuedCredential> credentials, boolean firstShowing, int page, int pageSize, int total,
        Instant availableUntil) {

    public HandoffPage {
        credentials = List.copyOf(credentials);
    }

    public int totalPages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
