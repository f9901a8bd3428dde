package com.partnerdesk.directory.internal;

import java.util.List;
import java.util.UUID;

/**
 * One page of the Users and licenses list.
 *
 * @param rows        the users on the page, in the list's order
 * @param number      one-based page number
 * @param size        users per page
 * @param total       how many users match, or null where only counting them would tell (a filter the database keeps
 *                    no counter for): the page does not wait for that count, the browser asks for it afterwards
 * @param hasPrevious whether a page comes before this one
 * @param hasNext     whether a page comes after this one
 */
public record UserListPage(List<UserListRow> rows, int number, int size, Long total, boolean hasPrevious,
        boolean hasNext) {

    public boolean isTotalKnown() {
        return total != null;
    }

    /** The number of the last page; only known with the total. */
    public int lastPage() {
        return lastPage(total, size);
    }

    static int lastPage(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int numberOfElements() {
        return rows.size();
    }

    /** Whether more users match than this page shows: only then may "select all matching" be offered. */
    public boolean isPartOfMore() {
        return hasPrevious || hasNext;
    }

    /** The first user on the page, which the link to the previous page seeks from. */
    public UUID firstId() {
        return rows.isEmpty() ? null : rows.get(0).id();
    }

    /** The last user on the page, which the link to the next page seeks from. */
    public UUID lastId() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
    }
}
