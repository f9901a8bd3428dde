package com.partnerdesk.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in partner staff member as Spring Security sees them. Kept small: it is serialised into the session
 * table.
 */
public record SignedInStaff(UUID id, String username, String displayName, String email, StaffRole role,
        String password) implements UserDetails {

    static SignedInStaff of(StaffMember member) {
        return new SignedInStaff(member.getId(), member.getUsername(), member.getDisplayName(), member.getEmail(),
                member.getRole(), member.getPasswordHash());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    public boolean isAdminAgent() {
        return role == StaffRole.ADMIN_AGENT;
    }
}
