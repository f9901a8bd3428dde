package com.partnerdesk.security;

import com.partnerdesk.platform.PublicUrl;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * What Spring Security would otherwise keep in a session for a visitor who has not signed in — the forms' CSRF token
 * and the page to return to after signing in — kept in cookies instead, so that a session row is written only for a
 * sign-in. Without this, every anonymous request for a sign-in form or a protected page stored a session for eight
 * hours, and a scripted flood could fill the session table (docs/decisions/0011-refused-sign-ins-counted.md).
 * <p>
 * The CSRF token is checked as a double submit: the form's token must match the cookie's, which another site can
 * neither read nor set. Both cookies are HttpOnly and SameSite=Lax, and Secure on an HTTPS installation.
 */
@Component
public class SessionlessVisitors {

    static final String CSRF_COOKIE = "partnerdesk-csrf";

    private final CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();

    private final CookieRequestCache returnTo = new CookieRequestCache();

    SessionlessVisitors(PublicUrl publicUrl) {
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (publicUrl.isHttps()) {
                cookie.secure(true);
            }
        });
        returnTo.setCookieCustomizer(cookie -> {
            cookie.setAttribute("SameSite", "Lax");
            if (publicUrl.isHttps()) {
                cookie.setSecure(true);
            }
        });
    }

    /** Where both security chains keep the CSRF token, so that one token serves a browser on both. */
    public CsrfTokenRepository csrfTokens() {
        return csrfTokens;
    }

    /** The page a staff member asked for before signing in. */
    RequestCache returnTo() {
        return returnTo;
    }
}
