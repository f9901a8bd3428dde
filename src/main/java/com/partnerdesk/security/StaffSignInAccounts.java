package com.partnerdesk.security;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** The staff door's accounts: a typed username names one when a staff member has it, folded as the lookups fold it. */
@Component
class StaffSignInAccounts implements SignInAccounts {

    private final StaffMemberRepository staff;

    StaffSignInAccounts(StaffMemberRepository staff) {
        this.staff = staff;
    }

    @Override
    public Optional<Account> find(String username) {
        return staff.findBySignInName(SignInName.fold(username)).map(member -> Account.withoutCustomer());
    }
}
