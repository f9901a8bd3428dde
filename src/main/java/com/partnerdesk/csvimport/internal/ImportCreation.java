package com.partnerdesk.csvimport.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.CreationAudit;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.directory.UserCreationRefused;
import com.partnerdesk.directory.UserProfile;
import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.licensing.SeatsExhausted;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates every valid row of a batch in one transaction (see docs/decisions/0005) through the directory's
 * {@link UserCreation}, a chunk at a time: users, licenses, the one-time handoff of their passwords, the batch's
 * CREATED status and one audit entry for the whole import commit together or not at all. It holds one connection
 * from start to end and asks for no other: its progress goes to the run, whose heartbeat writes it.
 */
@Component
public class ImportCreation {

    private final ImportBatches batches;

    private final UserCreation userCreation;

    private final PasswordHandoffs handoffs;

    private final AuditTrail audit;

    private final ImportSettings settings;

    private final Clock clock;

    public ImportCreation(ImportBatches batches, UserCreation userCreation, PasswordHandoffs handoffs, AuditTrail audit,
            ImportSettings settings, Clock clock) {
        this.batches = batches;
        this.userCreation = userCreation;
        this.handoffs = handoffs;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param run     the run that claimed the batch; the batch turns CREATED only while the claim is still its own
     * @param handoff the reserved handoff whose key the staff member's browser already holds
     * @return how many users were created
     * @throws UserCreationRefused when a row no longer passes (a user appeared meanwhile)
     * @throws SeatsExhausted when the seats ran out meanwhile
     */
    @Transactional
    public int create(ImportBatchView batch, ImportRun run, OpenedHandoff handoff, String staffUsername) {
        Instant now = clock.instant();
        String defaultUsageLocation = batch.defaultUsageLocation() == null ? "" : batch.defaultUsageLocation();
        Set<UUID> forEveryone = new LinkedHashSet<>(batch.fileSubscriptionIds());
        List<IssuedCredential> credentials = new ArrayList<>(batch.validCount());
        int afterRow = 0;
        while (true) {
            List<ImportBatches.ValidRow> chunk = batches.validRows(batch.customerId(), batch.id(), afterRow,
                    settings.createChunkRows());
            if (chunk.isEmpty()) {
                break;
            }
            List<NewUser> users = new ArrayList<>(chunk.size());
            for (ImportBatches.ValidRow row : chunk) {
                Set<UUID> licenses = new LinkedHashSet<>(forEveryone);
                licenses.addAll(row.subscriptionIds());
                users.add(new NewUser(new UserProfile(row.firstName(), row.lastName(), row.displayName(),
                        row.username(), row.usageLocation().isEmpty() ? defaultUsageLocation : row.usageLocation(),
                        Set.of()), licenses));
            }
            credentials.addAll(CreatedUser.credentials(
                    userCreation.createAll(batch.customerId(), users, CreationAudit.BY_CALLER)));
            afterRow = chunk.get(chunk.size() - 1).rowNumber();
            run.created(credentials.size());
        }
        handoffs.open(handoff, staffUsername, credentials);
        batches.markCreated(run, credentials.size(), handoff.id(), now);
        audit.record(batch.customerId(), "users.imported", batch.fileName(),
                "created=" + credentials.size() + ", rejected=" + batch.rejectedCount() + ", warnings="
                        + batch.warningCount() + ", skipped=" + batch.skippedCount() + ", licensesForFile="
                        + forEveryone.size());
        return credentials.size();
    }
}
