package com.partnerdesk.security;

import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's password check of a staff member, which signs in the {@link SignedInStaff} without the hash it
 * checked: the authentication it returns is what the session table stores.
 */
final class StaffPasswordCheck extends DaoAuthenticationProvider {

    StaffPasswordCheck(StaffUserDetailsService staff, PasswordEncoder passwordEncoder) {
        super(staff);
        setPasswordEncoder(passwordEncoder);
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
            UserDetails user) {
        return super.createSuccessAuthentication(((StaffAccount) user).signedIn(), authentication, user);
    }
}
