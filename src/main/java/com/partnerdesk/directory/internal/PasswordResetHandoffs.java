package com.partnerdesk.directory.internal;

import java.util.Collection;
import java.util.UUID;

import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.security.StaffRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One Reset password action: the new passwords and their handoff are committed together. */
@Service
public class PasswordResetHandoffs {

    private final PasswordResets resets;

    private final PasswordHandoffs handoffs;

    PasswordResetHandoffs(PasswordResets resets, PasswordHandoffs handoffs) {
        this.resets = resets;
        this.handoffs = handoffs;
    }

    /**
     * Resets the users' passwords and opens their handoff.
     * @throws UserDeletedMeanwhile when someone else deleted one of them since the page was shown; nothing is reset
     * @throws ResetNotAllowed when the role may not reset one of them; nothing is reset
     */
    @Transactional
    public OpenedHandoff reset(UUID customerId, Collection<UUID> userIds, StaffRole role, String staffUsername) {
        return handoffs.open(customerId, staffUsername,
                CreatedUser.credentials(resets.reset(customerId, userIds, role)));
    }
}
