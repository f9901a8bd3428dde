package com.partnerdesk.directory.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.licensing.SeatsExhausted;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One Save of the Add user form: the user and its place in the run's handoff are committed together, so no user is
 * created whose temporary password could not be shown.
 */
@Service
public class AddUserHandoffs {

    private final UserCreation creation;

    private final PasswordHandoffs handoffs;

    AddUserHandoffs(UserCreation creation, PasswordHandoffs handoffs) {
        this.creation = creation;
        this.handoffs = handoffs;
    }

    /**
     * Creates the user and adds it to the run's handoff, or opens a new handoff when there is no run yet or the old
     * one can no longer take users (shown or expired).
     * @throws UserCreationRefused when the user breaks a rule; nothing is created
     * @throws SeatsExhausted when a chosen license has no seat left; nothing is created
     */
    @Transactional
    public Saved save(UUID customerId, NewUser newUser, Optional<OpenedHandoff> run, String staffUsername) {
        CreatedUser user = creation.create(customerId, newUser);
        List<IssuedCredential> credential = List.of(user.credential());
        if (run.isPresent()) {
            if (handoffs.append(run.get(), staffUsername, credential)) {
                return new Saved(user, run.get(), false);
            }
            return new Saved(user, handoffs.open(customerId, staffUsername, credential), true);
        }
        return new Saved(user, handoffs.open(customerId, staffUsername, credential), false);
    }

    /** @param runLost the run's earlier users could not be kept in the handoff: their passwords must be reset */
    public record Saved(CreatedUser user, OpenedHandoff handoff, boolean runLost) {
    }
}
