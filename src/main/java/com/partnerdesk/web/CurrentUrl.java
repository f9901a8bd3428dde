package com.partnerdesk.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links that keep the current page's query (filters, sort) and change one parameter, for pagination, sort headers
 * and the language switch: {@code th:href="${currentUrl.with('page', 2)}"}. Changing anything but the page goes back
 * to the first page.
 */
public class CurrentUrl {

    /** The current path and query with {@code parameter} set to {@code value} (or removed when it is null). */
    public String with(String parameter, Object value) {
        ServletUriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentRequest();
        builder.replaceQueryParam(parameter, value == null ? new Object[0] : new Object[] { value });
        if (!"page".equals(parameter)) {
            builder.replaceQueryParam("page");
        }
        return builder.build().encode().toUri().getRawPath() + query(builder);
    }

    private static String query(ServletUriComponentsBuilder builder) {
        String query = builder.build().encode().toUri().getRawQuery();
        return query == null ? "" : "?" + query;
    }
}
