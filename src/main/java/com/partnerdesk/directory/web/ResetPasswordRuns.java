package com.partnerdesk.directory.web;

import java.util.Collection;
import java.util.UUID;

import com.partnerdesk.directory.PasswordResets;
import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.security.StaffRole;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One Reset password action: the new passwords and their handoff are committed together. */
@Component
class ResetPasswordRuns {

    private final PasswordResets resets;

    private final PasswordHandoffs handoffs;

    ResetPasswordRuns(PasswordResets resets, PasswordHandoffs handoffs) {
        this.resets = resets;
        this.handoffs = handoffs;
    }

    @Transactional
    OpenedHandoff reset(UUID customerId, Collection<UUID> userIds, StaffRole role, String staffUsername) {
        return handoffs.open(customerId, staffUsername, resets.reset(customerId, userIds, role)
            .stream()
            .map(user -> new IssuedCredential(user.displayName(), user.username(), user.temporaryPassword()))
            .toList());
    }
}
