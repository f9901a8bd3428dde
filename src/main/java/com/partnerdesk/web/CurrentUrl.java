package com.partnerdesk.web;

import java.util.List;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links that keep the current page's query (filters, sort) and change one parameter, for pagination, sort headers
 * and the language switch: {@code th:href="${currentUrl.with('sort', 'USERNAME')}"}, {@code currentUrl.toPage(2)}.
 * Changing a filter or the sort goes back to the first page; changing the language stays on the page. Links are
 * relative to the host, so they stay right behind a proxy.
 */
public class CurrentUrl {

    /** Where a page is: its number, and the row a link seeks from or the mark of the last page. */
    private static final List<String> PAGE_POSITION = List.of("page", "after", "before", "last");

    /**
     * The current path and query with {@code parameter} set to {@code value} (or removed when it is null), back on the
     * first page.
     */
    public String with(String parameter, Object value) {
        ServletUriComponentsBuilder builder = atFirstPage();
        builder.replaceQueryParam(parameter, value == null ? new Object[0] : new Object[] { value });
        return relative(builder);
    }

    /**
     * The current page in another language: the same path and query, page position included, so that switching
     * language on page 40 of a filtered list shows page 40 again.
     */
    public String inLanguage(String language) {
        return relative(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", language));
    }

    /** The current list at page {@code page}, found by its number. */
    public String toPage(int page) {
        return relative(atFirstPage().replaceQueryParam("page", page));
    }

    /**
     * The current list at page {@code page}, found from the row next to it: {@code anchor} is the id of the row just
     * before the page ({@code after}) or just after it ({@code before}).
     */
    public String toPage(int page, String side, Object anchor) {
        return relative(atFirstPage().replaceQueryParam("page", page).replaceQueryParam(side, anchor));
    }

    /** The current list at its last page, whose number is {@code page}. */
    public String toLastPage(int page) {
        return relative(atFirstPage().replaceQueryParam("page", page).replaceQueryParam("last", true));
    }

    /** The current query at another path, e.g. for a script that asks about the same list. */
    public String at(String path) {
        return relative(ServletUriComponentsBuilder.fromCurrentRequest().replacePath(path));
    }

    private static ServletUriComponentsBuilder atFirstPage() {
        ServletUriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentRequest();
        PAGE_POSITION.forEach(builder::replaceQueryParam);
        return builder;
    }

    private static String relative(UriComponentsBuilder builder) {
        UriComponents link = encoded(builder);
        return link.getPath() + (link.getQuery() == null ? "" : "?" + link.getQuery());
    }

    /**
     * The request's query arrives encoded already and must not be encoded twice (a search for "José Muñoz" would turn
     * into "Jos%25C3%25A9"); a hand-typed URL with characters no browser sends is encoded once instead.
     */
    private static UriComponents encoded(UriComponentsBuilder builder) {
        try {
            return builder.build(true);
        }
        catch (IllegalArgumentException notEncoded) {
            return builder.build().encode();
        }
    }
}
