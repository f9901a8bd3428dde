package com.partnerdesk.csvimport.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.csvimport.internal.ImportStatus.Transition;
import com.partnerdesk.directory.TakenUsername;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staging tables, in plain JDBC: a file of 150,000 rows is written in batches and counted in SQL, never held as
 * entities. Every statement is scoped by customer; reads for a page are also scoped by the staff member.
 */
@Component
public class ImportBatches {

    /** How long a finished import (a preview never created, a rejected file, a created import) is kept. */
    static final Duration FINISHED_KEPT_FOR = Duration.ofDays(1);

    /** How many finished imports a customer keeps at most, the one being uploaded included. */
    public static final int KEPT_PER_CUSTOMER = 20;


    static final int INSERT_BATCH_ROWS = 1000;

    private static final String BATCH_COLUMNS = """
            id, customer_id, file_name, status, template, charset, delimiter, file_error_key, file_error_args,
            file_notices, rows_read, valid_count, rejected_count, warning_count, skipped_count,
            default_usage_location, file_subscription_ids, rows_created, create_error_key, create_error_args,
            handoff_id, created_at, waiting_behind
            """;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate ownTransaction;

    ImportBatches(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Opens a batch in READING, taking the customer's one import slot, claimed by the run that reads it.
     * @throws ImportAlreadyRunning when another import of the customer is reading or creating
     */
    public void open(ImportRun run, UUID staffId, String staffUsername, String fileName, String instance, Instant now) {
        try {
            jdbc.update("""
                    insert into import_batch (customer_id, id, staff_id, staff_username, file_name, status,
                                              claimed_by, claim_id, heartbeat_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, run.customerId(), run.batchId(), staffId, staffUsername, fileName,
                    ImportStatus.UPLOADED.name(), instance, run.claimId(),
                    Timestamp.from(now), Timestamp.from(now), Timestamp.from(now));
        }
        catch (DuplicateKeyException running) {
            throw new ImportAlreadyRunning();
        }
    }

    public Optional<ImportBatchView> find(UUID customerId, UUID staffId, UUID batchId) {
        return jdbc.query("select " + BATCH_COLUMNS + " from import_batch where customer_id = ? and staff_id = ? and id = ?",
                ImportBatches::batch, customerId, staffId, batchId).stream().findFirst();
    }

    void insertRows(UUID customerId, UUID batchId, List<JudgedRow> rows) {
        List<Object[]> arguments = new ArrayList<>(rows.size());
        for (JudgedRow row : rows) {
            ParsedUserRow parsed = row.parsed();
            arguments.add(new Object[] { customerId, batchId, parsed.row(), storable(parsed.firstName()),
                    storable(parsed.lastName()), storable(parsed.displayName()), parsed.displayNameDerived(),
                    storable(row.username()), storable(parsed.usageLocation()),
                    storable(String.join("; ", parsed.licenses())), row.subscriptionIds().toArray(UUID[]::new),
                    row.isValid(), row.hasWarning(),
                    storableJson(NotesJson.notes(row.notes())) });
        }
        jdbc.batchUpdate("""
                insert into import_row (customer_id, batch_id, row_number, first_name, last_name, display_name,
                                        display_name_derived, username, usage_location, licenses, subscription_ids,
                                        valid, has_warning, notes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                """, arguments);
    }

    /**
     * PostgreSQL text cannot hold U+0000, which a damaged or binary file easily contains. The rules have already
     * rejected such a value as a control character; it is kept for the preview with the NUL shown as U+FFFD.
     */
    private static String storable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    /** The same for JSON, which writes U+0000 as an escape that jsonb refuses as well. */
    private static String storableJson(String json) {
        return storable(json).replace("\\u0000", "\\uFFFD");
    }

    void progressRead(UUID customerId, UUID batchId, int rowsRead, Instant now) {
        jdbc.update("update import_batch set rows_read = ?, updated_at = ? where customer_id = ? and id = ?", rowsRead,
                Timestamp.from(now), customerId, batchId);
    }

    /** Rejects each copy of a duplicated email, naming the other rows. */
    void rejectDuplicates(UUID customerId, UUID batchId, Map<Integer, List<Integer>> otherRowsByRow) {
        List<Object[]> arguments = new ArrayList<>(otherRowsByRow.size());
        otherRowsByRow.forEach((row, others) -> arguments.add(new Object[] {
                NotesJson.notes(List.of(DuplicateEmails.noteFor(others))), customerId, batchId, row }));
        jdbc.batchUpdate("""
                update import_row set valid = false, notes = notes || cast(? as jsonb)
                where customer_id = ? and batch_id = ? and row_number = ?
                """, arguments);
    }

    /** The usernames of the batch's rows, folded as the directory compares them. */
    List<String> foldedUsernames(UUID customerId, UUID batchId) {
        return jdbc.queryForList("select distinct lower(username) from import_row where customer_id = ? and batch_id = ?",
                String.class, customerId, batchId);
    }

    /**
     * Rejects the rows whose username the directory cannot give to a new user (R9): an active user of the customer has
     * it, or a deleted one that can still be restored (creating it would make a second account for the same person),
     * or a user of another customer claims it, which the row's message does not say whose it is. One statement for
     * all of them.
     */
    void rejectTaken(UUID customerId, UUID batchId, List<TakenUsername> taken) {
        if (taken.isEmpty()) {
            return;
        }
        jdbc.update("""
                update import_row r set valid = false, notes = r.notes
                    || case when t.active_username is null then '[]'::jsonb
                            else jsonb_build_array(jsonb_build_object('severity', 'ERROR', 'column', 'EMAIL',
                                'key', 'import.row.alreadyExists', 'args', jsonb_build_array(t.active_username))) end
                    || case when t.restorable_until is null then '[]'::jsonb
                            else jsonb_build_array(jsonb_build_object('severity', 'ERROR', 'column', 'EMAIL',
                                'key', 'import.row.restorable', 'args', jsonb_build_array(t.restorable_until))) end
                    || case when not t.taken_elsewhere then '[]'::jsonb
                            else jsonb_build_array(jsonb_build_object('severity', 'ERROR', 'column', 'EMAIL',
                                'key', 'import.row.takenElsewhere', 'args', jsonb_build_array(r.username))) end
                from unnest(?::text[], ?::text[], ?::text[], ?::boolean[])
                    as t(username, active_username, restorable_until, taken_elsewhere)
                where r.customer_id = ? and r.batch_id = ? and lower(r.username) = t.username
                """, taken.stream().map(TakenUsername::username).toArray(String[]::new),
                taken.stream().map(TakenUsername::activeUsername).toArray(String[]::new),
                taken.stream().map(ImportBatches::restorableUntil).toArray(String[]::new),
                taken.stream().map(TakenUsername::takenElsewhere).toArray(Boolean[]::new), customerId, batchId);
    }

    /** The last day of the restore window, as the row's message shows it. */
    private static String restorableUntil(TakenUsername taken) {
        return taken.restorableUntil() == null ? null
                : LocalDate.ofInstant(taken.restorableUntil(), ZoneOffset.UTC).toString();
    }

    /** Fenced by the run's claim, like every end of a run: a batch taken over meanwhile stays as it was left. */
    void markReady(ImportRun run, CsvReadSummary summary, Instant now) {
        UUID customerId = run.customerId();
        UUID batchId = run.batchId();
        Transition ready = ImportStatus.READING.to(ImportStatus.READY);
        jdbc.update("""
                update import_batch b set status = ?, template = ?, charset = ?, delimiter = ?,
                       file_notices = cast(? as jsonb), skipped_count = ?, rows_read = c.total,
                       valid_count = c.valid, rejected_count = c.rejected, warning_count = c.warnings, updated_at = ?
                from (select count(*) as total, count(*) filter (where valid) as valid,
                             count(*) filter (where not valid) as rejected, count(*) filter (where has_warning) as warnings
                      from import_row where customer_id = ? and batch_id = ?) c
                where b.customer_id = ? and b.id = ? and b.claim_id = ? and b.status = ?
                """, ready.to().name(), summary.template().name(), summary.charset().name(),
                String.valueOf(summary.delimiter()),
                storableJson(NotesJson.fileNotices(summary.notices())), summary.skippedRowCount(), Timestamp.from(now),
                customerId, batchId, customerId, batchId, run.claimId(), ready.from().name());
    }

    /** The file as a whole cannot be imported: its rows go, the reason stays for the page. */
    void markFileRejected(ImportRun run, CsvFileRejected rejection, Instant now) {
        Transition rejected = ImportStatus.READING.to(ImportStatus.FILE_REJECTED);
        jdbc.update("delete from import_row where customer_id = ? and batch_id = ?", run.customerId(), run.batchId());
        jdbc.update("""
                update import_batch set status = ?, file_error_key = ?, file_error_args = cast(? as jsonb),
                       updated_at = ?
                where customer_id = ? and id = ? and claim_id = ? and status = ?
                """, rejected.to().name(), rejection.messageKey(),
                storableJson(NotesJson.arguments(rejection.arguments())), Timestamp.from(now), run.customerId(),
                run.batchId(), run.claimId(), rejected.from().name());
    }

    void markFailed(ImportRun run, Instant now) {
        Transition failed = ImportStatus.READING.to(ImportStatus.FAILED);
        jdbc.update("delete from import_row where customer_id = ? and batch_id = ?", run.customerId(), run.batchId());
        jdbc.update("""
                update import_batch set status = ?, create_error_key = 'import.failed.unexpected', updated_at = ?
                where customer_id = ? and id = ? and claim_id = ? and status = ?
                """, failed.to().name(), Timestamp.from(now), run.customerId(), run.batchId(), run.claimId(),
                failed.from().name());
    }

    void choose(UUID customerId, UUID staffId, UUID batchId, List<UUID> subscriptionIds, String usageLocation,
            Instant now) {
        int updated = jdbc.update("""
                update import_batch set file_subscription_ids = ?, default_usage_location = ?, create_error_key = null,
                       create_error_args = null, updated_at = ?
                where customer_id = ? and staff_id = ? and id = ? and status = ?
                """, subscriptionIds.toArray(UUID[]::new), usageLocation, Timestamp.from(now), customerId, staffId,
                batchId, ImportStatus.READY.name());
        if (updated == 0) {
            throw new ImportNotReady();
        }
    }

    /**
     * Moves a READY batch to CREATING, taking the customer's import slot, claimed by the run that creates it.
     * @throws ImportNotReady when it is not READY (created already, or another tab was faster)
     * @throws ImportAlreadyRunning when another import of the customer is running
     */
    public void startCreating(ImportRun run, UUID staffId, String instance, Instant now) {
        Transition creating = ImportStatus.READY.to(ImportStatus.CREATING);
        int updated;
        try {
            updated = jdbc.update("""
                    update import_batch set status = ?, rows_created = 0, create_error_key = null,
                           create_error_args = null, claimed_by = ?, claim_id = ?, heartbeat_at = ?,
                           waiting_behind = null, updated_at = ?
                    where customer_id = ? and staff_id = ? and id = ? and status = ?
                    """, creating.to().name(), instance, run.claimId(), Timestamp.from(now), Timestamp.from(now),
                    run.customerId(), staffId, run.batchId(), creating.from().name());
        }
        catch (DuplicateKeyException running) {
            throw new ImportAlreadyRunning();
        }
        if (updated == 0) {
            throw new ImportNotReady();
        }
    }

    /**
     * Inside the creation's transaction: the last write, so the batch shows CREATED exactly when the users and their
     * handoff exist. Fenced by the run's claim: a run whose batch was taken over meanwhile (its instance stopped
     * renewing the lease) rolls back, since the admin may already be creating it again.
     */
    public void markCreated(ImportRun run, int created, UUID handoffId, Instant now) {
        Transition done = ImportStatus.CREATING.to(ImportStatus.CREATED);
        int updated = jdbc.update("""
                update import_batch set status = ?, rows_created = ?, handoff_id = ?, updated_at = ?
                where customer_id = ? and id = ? and claim_id = ? and status = ?
                """, done.to().name(), created, handoffId, Timestamp.from(now), run.customerId(), run.batchId(),
                run.claimId(), done.from().name());
        if (updated == 0) {
            throw new IllegalStateException("Import " + run.batchId() + " was taken over while it was being created");
        }
    }

    /** After a rolled-back creation: the preview is back, with the reason. */
    public void creationFailed(ImportRun run, String messageKey, List<Object> arguments, Instant now) {
        Transition back = ImportStatus.CREATING.to(ImportStatus.READY);
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                update import_batch set status = ?, rows_created = 0, create_error_key = ?,
                       create_error_args = cast(? as jsonb), waiting_behind = null, updated_at = ?
                where customer_id = ? and id = ? and claim_id = ? and status = ?
                """, back.to().name(), messageKey, NotesJson.arguments(arguments), Timestamp.from(now),
                run.customerId(), run.batchId(), run.claimId(), back.from().name()));
    }

    /**
     * Tidies the customer's old imports when a new one starts: finished previews go with their rows after a day, and
     * beyond the newest {@link #KEPT_PER_CUSTOMER} at once, so that uploads staged one after another and never created
     * hold a bounded number of rows. The handoffs of created imports expire on their own.
     */
    public void tidy(UUID customerId, Instant now) {
        jdbc.update("""
                delete from import_batch
                where customer_id = ? and status not in %s
                  and (updated_at < ? or id not in (
                         select id from import_batch
                         where customer_id = ? and status not in %s
                         order by updated_at desc, id limit ?))
                """.formatted(ImportStatus.RUNNING_SQL, ImportStatus.RUNNING_SQL), customerId,
                Timestamp.from(now.minus(FINISHED_KEPT_FOR)), customerId, KEPT_PER_CUSTOMER - 1);
    }

    /**
     * The same day rule for every customer, for the scheduled tidy-up: a customer who never uploads again keeps no
     * preview longer. A few imports per statement, so that no single transaction deletes millions of staged rows.
     * @return how many imports were deleted
     */
    int tidyAll(Instant now) {
        int deleted = 0;
        int batch;
        do {
            batch = jdbc.update("""
                    delete from import_batch where (customer_id, id) in (
                      select customer_id, id from import_batch
                      where status not in %s and updated_at < ?
                      limit 10)
                    """.formatted(ImportStatus.RUNNING_SQL), Timestamp.from(now.minus(FINISHED_KEPT_FOR)));
            deleted += batch;
        }
        while (batch > 0);
        return deleted;
    }

    long count(UUID customerId, UUID batchId, boolean valid) {
        Long count = jdbc.queryForObject("select count(*) from import_row where customer_id = ? and batch_id = ? and valid = ?",
                Long.class, customerId, batchId, valid);
        return count == null ? 0 : count;
    }

    List<StagedRow> rows(UUID customerId, UUID batchId, Boolean valid, boolean warningsOnly, int afterRow, int limit,
            long offset) {
        StringBuilder sql = new StringBuilder("""
                select row_number, first_name, last_name, display_name, display_name_derived, username,
                       usage_location, licenses, valid, notes
                from import_row where customer_id = ? and batch_id = ? and row_number > ?
                """);
        List<Object> arguments = new ArrayList<>(List.of(customerId, batchId, afterRow));
        if (valid != null) {
            sql.append(" and valid = ?");
            arguments.add(valid);
        }
        if (warningsOnly) {
            sql.append(" and has_warning");
        }
        sql.append(" order by row_number limit ? offset ?");
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query(sql.toString(), ImportBatches::stagedRow, arguments.toArray());
    }

    /** Valid rows after {@code afterRow}, in file order, for creation in chunks. */
    List<ValidRow> validRows(UUID customerId, UUID batchId, int afterRow, int limit) {
        return jdbc.query("""
                select row_number, first_name, last_name, display_name, username, usage_location, subscription_ids
                from import_row where customer_id = ? and batch_id = ? and valid and row_number > ?
                order by row_number limit ?
                """, (rs, row) -> new ValidRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Arrays.asList((UUID[]) rs.getArray(7).getArray())),
                customerId, batchId, afterRow, limit);
    }

    record ValidRow(int rowNumber, String firstName, String lastName, String displayName, String username,
            String usageLocation, List<UUID> subscriptionIds) {
    }

    /**
     * Valid rows that would get a license without a usage location, with the licenses and default usage location
     * chosen for the file: the directory's rule refuses them (UserAccountRules.checkLicensable), so the preview names
     * them and Create waits until they have one.
     */
    List<StagedRow> rowsLicensedWithoutUsageLocation(UUID customerId, UUID batchId, List<UUID> fileSubscriptionIds,
            String defaultUsageLocation, int limit) {
        if (defaultUsageLocation != null && !defaultUsageLocation.isBlank()) {
            return List.of();
        }
        return jdbc.query("""
                select row_number, first_name, last_name, display_name, display_name_derived, username,
                       usage_location, licenses, valid, notes
                from import_row
                where customer_id = ? and batch_id = ? and valid and usage_location = ''
                  and (cardinality(?::uuid[]) > 0 or cardinality(subscription_ids) > 0)
                order by row_number limit ?
                """, ImportBatches::stagedRow, customerId, batchId, fileSubscriptionIds.toArray(UUID[]::new), limit);
    }

    /** How many rows {@link #rowsLicensedWithoutUsageLocation} would list without a limit. */
    long countLicensedWithoutUsageLocation(UUID customerId, UUID batchId, List<UUID> fileSubscriptionIds,
            String defaultUsageLocation) {
        if (defaultUsageLocation != null && !defaultUsageLocation.isBlank()) {
            return 0;
        }
        Long count = jdbc.queryForObject("""
                select count(*) from import_row
                where customer_id = ? and batch_id = ? and valid and usage_location = ''
                  and (cardinality(?::uuid[]) > 0 or cardinality(subscription_ids) > 0)
                """, Long.class, customerId, batchId, fileSubscriptionIds.toArray(UUID[]::new));
        return count == null ? 0 : count;
    }

    /** How many valid rows the batch has, and how many of them name each subscription in their licenses column. */
    ValidRowLicenses validRowLicenses(UUID customerId, UUID batchId) {
        Map<UUID, Integer> bySubscription = new HashMap<>();
        int[] valid = { 0 };
        jdbc.query("""
                select null::uuid, count(*) from import_row where customer_id = ? and batch_id = ? and valid
                union all
                select s.id, count(distinct r.row_number)
                from import_row r cross join unnest(r.subscription_ids) as s(id)
                where r.customer_id = ? and r.batch_id = ? and r.valid
                group by s.id
                """, rs -> {
            UUID subscriptionId = rs.getObject(1, UUID.class);
            if (subscriptionId == null) {
                valid[0] = rs.getInt(2);
            }
            else {
                bySubscription.put(subscriptionId, rs.getInt(2));
            }
        }, customerId, batchId, customerId, batchId);
        return new ValidRowLicenses(valid[0], bySubscription);
    }

    /** The valid rows of a batch, and those of them whose licenses column names each subscription. */
    record ValidRowLicenses(int valid, Map<UUID, Integer> bySubscription) {
    }

    private static ImportBatchView batch(ResultSet rs, int row) throws SQLException {
        String template = rs.getString("template");
        return new ImportBatchView(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("file_name"), ImportStatus.valueOf(rs.getString("status")),
                template == null ? null : CsvTemplate.valueOf(template), rs.getString("charset"),
                rs.getString("delimiter"), rs.getString("file_error_key"),
                NotesJson.arguments(rs.getString("file_error_args")),
                NotesJson.fileNotices(rs.getString("file_notices")), rs.getInt("rows_read"), rs.getInt("valid_count"),
                rs.getInt("rejected_count"), rs.getInt("warning_count"), rs.getInt("skipped_count"),
                rs.getString("default_usage_location"),
                Arrays.asList((UUID[]) rs.getArray("file_subscription_ids").getArray()), rs.getInt("rows_created"),
                rs.getString("create_error_key"), NotesJson.arguments(rs.getString("create_error_args")),
                rs.getObject("handoff_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getObject("waiting_behind", Integer.class));
    }

    private static StagedRow stagedRow(ResultSet rs, int row) throws SQLException {
        return new StagedRow(rs.getInt("row_number"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("display_name"), rs.getBoolean("display_name_derived"), rs.getString("username"),
                rs.getString("usage_location"), rs.getString("licenses"), rs.getBoolean("valid"),
                NotesJson.notes(rs.getString("notes")));
    }
}
