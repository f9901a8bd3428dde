package com.partnerdesk.csvimport.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.customer.Customer;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.TakenUsernames;
import com.partnerdesk.directory.UserAccountRules;
import com.partnerdesk.licensing.Licensing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reads an upload into the staging tables: each row judged as it streams past and written in JDBC batches, then the
 * file-level rules in SQL. Deliberately not one transaction: the batch is invisible until READY, and committed
 * batches let the page show how far reading has got.
 */
@Component
public class ImportStaging {

    private static final Logger log = LoggerFactory.getLogger(ImportStaging.class);

    private static final int PROGRESS_EVERY_ROWS = 5000;

    /** Usernames asked of the directory per statement: a 150,000-row file in two. */
    private static final int TAKEN_USERNAMES_PER_STATEMENT = 100_000;

    private final UserCsvReader reader;

    private final ImportBatches batches;

    private final Customers customers;

    private final Licensing licensing;

    private final UserAccountRules rules;

    private final ImportSettings settings;

    private final TakenUsernames takenUsernames;

    private final Clock clock;

    public ImportStaging(UserCsvReader reader, ImportBatches batches, Customers customers, Licensing licensing,
            UserAccountRules rules, ImportSettings settings, TakenUsernames takenUsernames, Clock clock) {
        this.reader = reader;
        this.batches = batches;
        this.customers = customers;
        this.licensing = licensing;
        this.rules = rules;
        this.settings = settings;
        this.takenUsernames = takenUsernames;
        this.clock = clock;
    }

    /** Stages the file for the run's batch and deletes it, whatever happens. */
    public void stage(ImportRun run, Path file) {
        UUID customerId = run.customerId();
        UUID batchId = run.batchId();
        try {
            Customer customer = customers.require(customerId);
            ImportRowRules rowRules = new ImportRowRules(rules, customer.getDomains(),
                    new LicenseNames(licensing.subscriptionsOf(customerId)));
            DuplicateEmails duplicates = new DuplicateEmails();
            List<JudgedRow> pending = new ArrayList<>(ImportBatches.INSERT_BATCH_ROWS);
            int[] rowsRead = { 0 };
            CsvReadSummary summary = reader.read(file, settings.limits(), row -> {
                JudgedRow judged = rowRules.judge(row);
                if (!row.hasStructuralError()) {
                    duplicates.add(row.email(), row.row());
                }
                pending.add(judged);
                if (pending.size() == ImportBatches.INSERT_BATCH_ROWS) {
                    batches.insertRows(customerId, batchId, pending);
                    pending.clear();
                }
                if (++rowsRead[0] % PROGRESS_EVERY_ROWS == 0) {
                    batches.progressRead(customerId, batchId, rowsRead[0], clock.instant());
                }
            });
            if (!pending.isEmpty()) {
                batches.insertRows(customerId, batchId, pending);
            }
            batches.rejectDuplicates(customerId, batchId, duplicates.otherRowsByRow());
            rejectTakenUsernames(customerId, batchId);
            batches.markReady(run, summary, clock.instant());
        }
        catch (CsvFileRejected rejected) {
            batches.markFileRejected(run, rejected, clock.instant());
        }
        catch (IOException | RuntimeException failure) {
            log.error("Reading import {} of customer {} failed", batchId, customerId, failure);
            batches.markFailed(run, clock.instant());
        }
        finally {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException cannotDelete) {
                log.warn("Could not delete the uploaded file {}", file, cannotDelete);
            }
        }
    }

    /** The directory judges the names, a chunk per statement; the rows it refuses are rejected in one statement each. */
    private void rejectTakenUsernames(UUID customerId, UUID batchId) {
        List<String> usernames = batches.foldedUsernames(customerId, batchId);
        for (int from = 0; from < usernames.size(); from += TAKEN_USERNAMES_PER_STATEMENT) {
            List<String> chunk = usernames.subList(from,
                    Math.min(usernames.size(), from + TAKEN_USERNAMES_PER_STATEMENT));
            batches.rejectTaken(customerId, batchId, takenUsernames.among(customerId, chunk, clock.instant()));
        }
    }
}
