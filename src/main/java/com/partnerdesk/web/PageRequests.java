package com.partnerdesk.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Turns page parameters from a URL into a safe page request: out-of-range numbers are clamped, never an error.
 */
public final class PageRequests {

    public static final int DEFAULT_SIZE = 25;

    public static final int MAX_SIZE = 200;

    /** Deeper pages than this are not offered; filters find users faster than paging that far. */
    public static final int MAX_PAGE = 100_000;

    private PageRequests() {
    }

    /** @param page one-based page number as shown to the admin */
    public static PageRequest of(Integer page, Integer size) {
        return of(page, size, Sort.unsorted());
    }

    public static PageRequest of(Integer page, Integer size, Sort sort) {
        int pageNumber = page == null ? 1 : Math.min(Math.max(page, 1), MAX_PAGE);
        int pageSize = size == null ? DEFAULT_SIZE : Math.min(Math.max(size, 1), MAX_SIZE);
        return PageRequest.of(pageNumber - 1, pageSize, sort);
    }
}
