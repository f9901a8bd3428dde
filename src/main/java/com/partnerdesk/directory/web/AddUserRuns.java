package com.partnerdesk.directory.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One Save of the Add user form: the user and its place in the run's handoff are committed together, so no user is
 * created whose temporary password could not be shown.
 */
@Component
class AddUserRuns {

    private final UserCreation creation;

    private final PasswordHandoffs handoffs;

    AddUserRuns(UserCreation creation, PasswordHandoffs handoffs) {
        this.creation = creation;
        this.handoffs = handoffs;
    }

    /**
     * Creates the user and adds it to the run's handoff, or opens a new handoff when there is no run yet or the old
     * one can no longer take users (shown or expired).
     */
    @Transactional
    Saved save(UUID customerId, NewUser newUser, Optional<OpenedHandoff> run, String staffUsername) {
        CreatedUser user = creation.create(customerId, newUser);
        IssuedCredential credential = new IssuedCredential(user.displayName(), user.username(),
                user.temporaryPassword());
        if (run.isPresent()) {
            if (handoffs.append(run.get(), staffUsername, List.of(credential))) {
                return new Saved(user, run.get(), false);
            }
            return new Saved(user, handoffs.open(customerId, staffUsername, List.of(credential)), true);
        }
        return new Saved(user, handoffs.open(customerId, staffUsername, List.of(credential)), false);
    }

    /** @param runLost the run's earlier users could not be kept in the handoff: their passwords must be reset */
    record Saved(CreatedUser user, OpenedHandoff handoff, boolean runLost) {
    }
}
