package com.partnerdesk.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the signed-in partner staff member may see, for templates: {@code th:if="${@staff.adminAgent}"}. It answers
 * from the request's authentication as {@code sec:authorize} would, without parsing and evaluating an access
 * expression each time: a page asks a dozen times, and the Users and licenses list is rendered all day. What a role
 * may do is still enforced by the security configuration and the controllers; this only decides what is shown.
 */
@Component("staff")
public class StaffPermissions {

    public boolean isSignedIn() {
        return role() != null;
    }

    public boolean isAdminAgent() {
        return role() == StaffRole.ADMIN_AGENT;
    }

    /** Admin and Helpdesk agents: the roles that may select users and reset passwords. */
    public boolean isAdminOrHelpdeskAgent() {
        StaffRole role = role();
        return role == StaffRole.ADMIN_AGENT || role == StaffRole.HELPDESK_AGENT;
    }

    /** The signed-in staff member's role, or null when nobody is signed in. */
    public StaffRole role() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            for (StaffRole role : StaffRole.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    return role;
                }
            }
        }
        return null;
    }
}
