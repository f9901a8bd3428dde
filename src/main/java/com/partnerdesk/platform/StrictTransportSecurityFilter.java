package com.partnerdesk.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends HSTS on every response of an HTTPS installation ({@link PublicUrl#isHttps(HttpServletRequest)}), ahead of
 * every security chain and of the filters that answer before them. Spring Security's own header writer sends it only
 * for requests it sees as secure, and leaves a header already set alone, so the two never disagree or repeat.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class StrictTransportSecurityFilter extends OncePerRequestFilter {

    static final String HEADER = "Strict-Transport-Security";

    /** A year, subdomains included: the value Spring Security sends on a request that arrives over HTTPS. */
    static final String VALUE = "max-age=31536000 ; includeSubDomains";

    private final PublicUrl publicUrl;

    StrictTransportSecurityFilter(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (publicUrl.isHttps(request)) {
            response.setHeader(HEADER, VALUE);
        }
        chain.doFilter(request, response);
    }
}
