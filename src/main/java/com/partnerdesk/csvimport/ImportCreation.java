package com.partnerdesk.csvimport;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.audit.AuditTrail;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates every valid row of a batch in one transaction (see docs/decisions/0005): users, licenses, the encrypted
 * password list and the batch's CREATED status commit together or not at all.
 */
@Component
class ImportCreation {

    private final ImportBatches batches;

    private final ImportedUserWriter writer;

    private final AuditTrail audit;

    private final ImportSettings settings;

    private final Clock clock;

    ImportCreation(ImportBatches batches, ImportedUserWriter writer, AuditTrail audit, ImportSettings settings,
            Clock clock) {
        this.batches = batches;
        this.writer = writer;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many users were created */
    @Transactional
    public int create(ImportBatchView batch, PasswordListKey key) {
        Instant now = clock.instant();
        Instant passwordsExpire = now.plus(settings.temporaryPasswordLifetime());
        String defaultUsageLocation = batch.defaultUsageLocation() == null ? "" : batch.defaultUsageLocation();
        LinkedHashSet<UUID> forEveryone = new LinkedHashSet<>(batch.fileSubscriptionIds());
        List<CreatedCredential> credentials = new ArrayList<>(batch.validCount());
        int afterRow = 0;
        while (true) {
            List<ImportBatches.ValidRow> chunk = batches.validRows(batch.customerId(), batch.id(), afterRow,
                    settings.createChunkRows());
            if (chunk.isEmpty()) {
                break;
            }
            List<ImportedUserWriter.NewImportedUser> users = new ArrayList<>(chunk.size());
            for (ImportBatches.ValidRow row : chunk) {
                String password = TemporaryPasswords.generate();
                users.add(new ImportedUserWriter.NewImportedUser(UUID.randomUUID(), row.firstName(), row.lastName(),
                        row.displayName(), row.username(),
                        row.usageLocation().isEmpty() ? defaultUsageLocation : row.usageLocation(),
                        TemporaryPasswords.hash(password), row.subscriptionIds()));
                credentials.add(new CreatedCredential(row.displayName(), row.username(), password));
            }
            writer.write(batch.customerId(), users, forEveryone, now, passwordsExpire);
            afterRow = chunk.get(chunk.size() - 1).rowNumber();
            batches.progressCreated(batch.customerId(), batch.id(), credentials.size(), clock.instant());
        }
        batches.markCreated(batch.customerId(), batch.id(), credentials.size(),
                PasswordListCipher.encrypt(credentials, key), now.plus(settings.passwordListLifetime()), now);
        audit.record(batch.customerId(), "users.imported", batch.fileName(),
                "created=" + credentials.size() + ", rejected=" + batch.rejectedCount() + ", warnings="
                        + batch.warningCount() + ", skipped=" + batch.skippedCount() + ", licensesForFile="
                        + forEveryone.size());
        return credentials.size();
    }
}
