package com.partnerdesk.directory.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.internal.UserRestoration.Restoration;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One Restore request: the restored users, their new temporary passwords and the handoff are committed together. */
@Service
public class RestoreHandoffs {

    private final UserRestoration restoration;

    private final PasswordHandoffs handoffs;

    RestoreHandoffs(UserRestoration restoration, PasswordHandoffs handoffs) {
        this.restoration = restoration;
        this.handoffs = handoffs;
    }

    /** Restores what can be restored; a handoff is opened only when a user got a new temporary password. */
    @Transactional
    public Outcome restore(UUID customerId, List<RestoreRequest> requests, String staffUsername) {
        Restoration restored = restoration.restore(customerId, requests);
        if (restored.temporaryPasswords().isEmpty()) {
            return new Outcome(restored.report(), Optional.empty());
        }
        OpenedHandoff handoff = handoffs.open(customerId, staffUsername,
                CreatedUser.credentials(restored.temporaryPasswords()));
        return new Outcome(restored.report(), Optional.of(handoff));
    }

    public record Outcome(RestoreReport report, Optional<OpenedHandoff> handoff) {
    }
}
