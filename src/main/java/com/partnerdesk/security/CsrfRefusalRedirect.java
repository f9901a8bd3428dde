package com.partnerdesk.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A feature's explanation for a request refused because its CSRF token could not be read, where the feature knows why
 * better than a bare 403: a file upload too large for the container to parse carries its token in the unread body.
 * The request stays refused: an implementation may only name a page of the application to send the browser to, and
 * nothing of the request is processed.
 */
public interface CsrfRefusalRedirect {

    /** The path (without the context path, with any query) to redirect to, or nothing when this is not its case. */
    Optional<String> redirectFor(HttpServletRequest request);
}
