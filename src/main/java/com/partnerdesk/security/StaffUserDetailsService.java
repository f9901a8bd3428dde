package com.partnerdesk.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffMemberRepository staff;

    StaffUserDetailsService(StaffMemberRepository staff) {
        this.staff = staff;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return staff.findBySignInName(SignInName.fold(username))
            .map(StaffAccount::of)
            .orElseThrow(() -> new UsernameNotFoundException("No staff member with that username"));
    }
}
