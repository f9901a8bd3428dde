package com.partnerdesk.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The browser protections every page carries, whichever security chain answers it (the staff's, or the customer users'
 * under /my): one definition, so that the two can never drift apart. Besides these, Spring Security's defaults stay on
 * ({@code X-Content-Type-Options: nosniff}, no caching of pages).
 */
public final class ResponseHeaders {

    /** Scripts and styles only from our own files, never inline; no page may be framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private ResponseHeaders() {
    }

    /** For {@code http.headers(ResponseHeaders::protect)}. */
    public static void protect(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(frame -> frame.deny());
    }
}
