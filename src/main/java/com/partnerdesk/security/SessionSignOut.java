package com.partnerdesk.security;

import java.util.Collections;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Signs one sign-in out of a session that may hold others. A browser can be signed in on the partner pages and, at
 * {@code /my}, as a customer user at once, each in a security context of its own in one session: signing out of one
 * removes only its context, and the session, under a new id, goes on for the other. Signing out of the last one ends
 * the session.
 */
public final class SessionSignOut implements LogoutHandler {

    private final String contextAttribute;

    /** @param contextAttribute the session attribute that holds the security context being signed out */
    public SessionSignOut(String contextAttribute) {
        this.contextAttribute = contextAttribute;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        signOut(request);
    }

    /** Removes the sign-in from the request's session, and ends the session when it held no other. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        session.removeAttribute(contextAttribute);
        if (holdsAnotherSignIn(session)) {
            request.changeSessionId();
        }
        else {
            session.invalidate();
        }
    }

    private static boolean holdsAnotherSignIn(HttpSession session) {
        return Collections.list(session.getAttributeNames()).stream()
            .map(session::getAttribute)
            .anyMatch(value -> value instanceof SecurityContext context && context.getAuthentication() != null
                    && context.getAuthentication().isAuthenticated());
    }
}
