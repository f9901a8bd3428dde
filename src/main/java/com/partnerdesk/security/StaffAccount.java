package com.partnerdesk.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A staff member with the stored password hash, as the password check needs them. Only {@link #signedIn} outlives the
 * sign-in (see {@link StaffPasswordCheck}); this never reaches the session.
 */
record StaffAccount(SignedInStaff signedIn, String passwordHash) implements UserDetails {

    static StaffAccount of(StaffMember member) {
        return new StaffAccount(SignedInStaff.of(member), member.getPasswordHash());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return signedIn.getAuthorities();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return signedIn.username();
    }

    @Override
    public String toString() {
        return signedIn.username();
    }
}
