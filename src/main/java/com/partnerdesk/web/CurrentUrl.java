package com.partnerdesk.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Links that keep the current page's query (filters, sort) and change one parameter, for pagination, sort headers
 * and the language switch: {@code th:href="${currentUrl.with('page', 2)}"}. Changing anything but the page goes back
 * to the first page. Links are relative to the host, so they stay right behind a proxy.
 */
public class CurrentUrl {

    /** The current path and query with {@code parameter} set to {@code value} (or removed when it is null). */
    public String with(String parameter, Object value) {
        ServletUriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentRequest();
        builder.replaceQueryParam(parameter, value == null ? new Object[0] : new Object[] { value });
        if (!"page".equals(parameter)) {
            builder.replaceQueryParam("page");
        }
        UriComponents link = encoded(builder);
        return link.getPath() + (link.getQuery() == null ? "" : "?" + link.getQuery());
    }

    /**
     * The request's query arrives encoded already and must not be encoded twice (a search for "José Muñoz" would turn
     * into "Jos%25C3%25A9"); a hand-typed URL with characters no browser sends is encoded once instead.
     */
    private static UriComponents encoded(ServletUriComponentsBuilder builder) {
        try {
            return builder.build(true);
        }
        catch (IllegalArgumentException notEncoded) {
            return builder.build().encode();
        }
    }
}
