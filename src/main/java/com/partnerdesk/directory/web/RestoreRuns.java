package com.partnerdesk.directory.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.directory.RestoreReport;
import com.partnerdesk.directory.RestoreRequest;
import com.partnerdesk.directory.UserRestoration;
import com.partnerdesk.directory.UserRestoration.Restoration;
import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One Restore request: the restored users, their new temporary passwords and the handoff are committed together. */
@Component
class RestoreRuns {

    private final UserRestoration restoration;

    private final PasswordHandoffs handoffs;

    RestoreRuns(UserRestoration restoration, PasswordHandoffs handoffs) {
        this.restoration = restoration;
        this.handoffs = handoffs;
    }

    @Transactional
    Outcome restore(UUID customerId, List<RestoreRequest> requests, String staffUsername) {
        Restoration restored = restoration.restore(customerId, requests);
        if (restored.temporaryPasswords().isEmpty()) {
            return new Outcome(restored.report(), Optional.empty());
        }
        OpenedHandoff handoff = handoffs.open(customerId, staffUsername, restored.temporaryPasswords()
            .stream()
            .map(user -> new IssuedCredential(user.displayName(), user.username(), user.temporaryPassword()))
            .toList());
        return new Outcome(restored.report(), Optional.of(handoff));
    }

    record Outcome(RestoreReport report, Optional<OpenedHandoff> handoff) {
    }
}
