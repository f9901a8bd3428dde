package com.partnerdesk.handoff;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerdesk.platform.PublicUrl;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Gives a handoff's key to the staff member's browser: an HttpOnly, SameSite=Strict cookie that the browser sends only
 * to that handoff's own pages (its path), so neither scripts nor other sites nor other pages ever see it; Secure on an
 * HTTPS installation ({@link PublicUrl}).
 */
@Component
public class HandoffCookies {

    private static final String PREFIX = "PD-HANDOFF-";

    private final PasswordHandoffs handoffs;

    private final PublicUrl publicUrl;

    HandoffCookies(PasswordHandoffs handoffs, PublicUrl publicUrl) {
        this.handoffs = handoffs;
        this.publicUrl = publicUrl;
    }

    /** The confirmation page of a handoff; its Email and Download actions live below it. */
    public static String path(UUID customerId, UUID handoffId) {
        return "/customers/" + customerId + "/handoffs/" + handoffId;
    }

    /** Sets the key cookie for the confirmation page and answers with a redirect view name to it. */
    public String redirectToConfirmation(HttpServletRequest request, HttpServletResponse response,
            OpenedHandoff handoff) {
        handTo(request, response, handoff, path(handoff.customerId(), handoff.id()));
        return "redirect:" + path(handoff.customerId(), handoff.id());
    }

    /**
     * Sets the key cookie for one path of the application (and the pages below it), for a page that keeps adding to
     * the handoff before it is shown.
     */
    public void handTo(HttpServletRequest request, HttpServletResponse response, OpenedHandoff handoff, String path) {
        set(request, response, handoff.id(), handoff.key(), request.getContextPath() + path,
                handoffs.lifetime().toSeconds());
    }

    /** Removes the key cookie set for that path. */
    public void forget(HttpServletRequest request, HttpServletResponse response, UUID handoffId, String path) {
        set(request, response, handoffId, "", request.getContextPath() + path, 0);
    }

    /** The key this browser holds for the handoff, if it sent one. */
    public Optional<String> key(HttpServletRequest request, UUID handoffId) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
            .filter(c -> (PREFIX + handoffId).equals(c.getName()) && !c.getValue().isEmpty())
            .map(Cookie::getValue)
            .findFirst();
    }

    /** The handoff with the key this browser holds for it, if it sent one. */
    public Optional<OpenedHandoff> handoff(HttpServletRequest request, UUID customerId, UUID handoffId) {
        return key(request, handoffId).map(key -> new OpenedHandoff(customerId, handoffId, key));
    }

    private void set(HttpServletRequest request, HttpServletResponse response, UUID handoffId, String value,
            String path, long maxAgeSeconds) {
        ResponseCookie cookie = ResponseCookie.from(PREFIX + handoffId, value)
            .path(path)
            .httpOnly(true)
            .secure(publicUrl.isHttps(request))
            .sameSite("Strict")
            .maxAge(maxAgeSeconds)
            .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
