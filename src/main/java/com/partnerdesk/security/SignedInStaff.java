package com.partnerdesk.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in partner staff member as Spring Security sees them. Kept small, and without the password or its hash:
 * it is serialised into the session table. Each request compares its role and session generation with the stored
 * account ({@link StaffSessions#isCurrent}), so a session ends at the next request once either changed.
 */
public record SignedInStaff(UUID id, String username, String displayName, String email, StaffRole role,
        int sessionGeneration) implements UserDetails {

    static SignedInStaff of(StaffMember member) {
        return new SignedInStaff(member.getId(), member.getUsername(), member.getDisplayName(), member.getEmail(),
                member.getRole(), member.getSessionGeneration());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    /** Never held here: the hash is checked at sign-in from {@link StaffAccount} and not kept. */
    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return username;
    }

    public boolean isAdminAgent() {
        return role == StaffRole.ADMIN_AGENT;
    }
}
