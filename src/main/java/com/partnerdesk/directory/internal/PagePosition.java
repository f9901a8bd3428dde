package com.partnerdesk.directory.internal;

import java.util.UUID;

/**
 * Which page of the Users and licenses list to show. The list's own links carry the row next to the page they lead
 * to ("Next" the last row shown, "Previous" the first), so that page is found by seeking in the sort's index from that
 * row: page 2,000 costs what page 1 does. A page number alone, typed or from an old bookmark, is found by counting
 * rows from the nearer end instead, which is slower on deep pages but lands on the same rows.
 *
 * @param number one-based page number, as shown
 * @param after  the row just before the page, or null
 * @param before the row just after the page, or null
 * @param last   the last page, whatever its number
 */
public record PagePosition(int number, UUID after, UUID before, boolean last) {

    public static PagePosition first() {
        return new PagePosition(1, null, null, false);
    }

    boolean seeks() {
        return !last && (after != null || before != null);
    }
}
