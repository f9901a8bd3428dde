package com.partnerdesk.csvimport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.NotACountry;
import com.partnerdesk.directory.UserAccountRules;
import com.partnerdesk.directory.UserCreationRefused;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.SeatsExhausted;
import com.partnerdesk.licensing.SubscriptionNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Bulk import of users from a CSV file: upload, staged preview, choices and creation, whose temporary passwords go to
 * the shared one-time handoff.
 * Every method takes the customer from the URL and the signed-in staff member; another customer's or colleague's
 * import is not found. Small files are handled within the request; large ones in the background, with progress kept
 * in the batch row so that any instance can show it. Running work holds a lease on its batch; an import whose
 * instance stopped is taken over when its page or the customer's next upload is asked for (docs/decisions/0008).
 */
@Service
public class UserImports {

    private static final Logger log = LoggerFactory.getLogger(UserImports.class);

    private final Customers customers;

    private final Licensing licensing;

    private final ImportBatches batches;

    private final ImportStaging staging;

    private final ImportCreation creation;

    private final ImportLeases leases;

    private final ImportWorkers workers;

    private final PasswordHandoffs handoffs;

    private final AuditTrail audit;

    private final ImportSettings settings;

    private final Clock clock;

    UserImports(Customers customers, Licensing licensing, ImportBatches batches, ImportStaging staging,
            ImportCreation creation, ImportLeases leases, ImportWorkers workers, PasswordHandoffs handoffs,
            AuditTrail audit, ImportSettings settings, Clock clock) {
        this.customers = customers;
        this.licensing = licensing;
        this.batches = batches;
        this.staging = staging;
        this.creation = creation;
        this.leases = leases;
        this.workers = workers;
        this.handoffs = handoffs;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public ImportSettings settings() {
        return settings;
    }

    /**
     * Takes an upload and starts reading it. At most {@code maxBytes + 1} bytes are copied, enough for the reader to
     * say the file is too large without spooling an endless body.
     *
     * @return the new import's id
     * @throws ImportAlreadyRunning when the customer has an import reading or creating
     */
    public UUID upload(UUID customerId, UUID staffId, String staffUsername, String fileName, InputStream content)
            throws IOException {
        customers.require(customerId);
        UUID batchId = UUID.randomUUID();
        Path file = Files.createTempFile("user-import-", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            content.transferTo(new LimitedOutputStream(out, settings.maxBytes().toBytes() + 1));
        }
        catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(file);
            throw failure;
        }
        ImportRun run = ImportRun.claim(customerId, batchId);
        try {
            batches.tidy(customerId, clock.instant());
            leases.takeOverStale(customerId);
            batches.open(run, staffId, staffUsername, cut(fileName), leases.instance(), clock.instant());
        }
        catch (RuntimeException refused) {
            Files.deleteIfExists(file);
            throw refused;
        }
        long size = Files.size(file);
        // Over the limit the reader refuses at once, so there is nothing to wait for.
        boolean large = size > settings.backgroundAboveBytes().toBytes() && size <= settings.maxBytes().toBytes();
        workers.run(run, !large, () -> staging.stage(run, file));
        return batchId;
    }

    /**
     * The import as it stands; if its instance stopped, first taken over, so that the page offers Create again.
     * @throws ImportNotFound unless the import is the customer's and this staff member's
     */
    public ImportBatchView require(UUID customerId, UUID staffId, UUID batchId) {
        leases.takeOverStale(customerId);
        return batches.find(customerId, staffId, batchId).orElseThrow(() -> new ImportNotFound(batchId));
    }

    public Page<StagedRow> rejectedRows(ImportBatchView batch, PageRequest page) {
        List<StagedRow> rows = batches.rows(batch.customerId(), batch.id(), false, false, 0, page.getPageSize(),
                page.getOffset());
        return new PageImpl<>(rows, page, batch.rejectedCount());
    }

    /** The first rows with warnings; the count on the page says how many there are in all. */
    public List<StagedRow> warningRows(ImportBatchView batch, int limit) {
        return batches.rows(batch.customerId(), batch.id(), null, true, 0, limit, 0);
    }

    /** Streams every rejected row in file order, a page at a time, for the download. */
    public void eachRejectedRow(ImportBatchView batch, Consumer<StagedRow> sink) {
        int afterRow = 0;
        while (true) {
            List<StagedRow> rows = batches.rows(batch.customerId(), batch.id(), false, false, afterRow, 2000, 0);
            if (rows.isEmpty()) {
                return;
            }
            rows.forEach(sink);
            afterRow = rows.get(rows.size() - 1).rowNumber();
        }
    }

    /**
     * The first valid rows that the licenses chosen would license without a usage location, which the directory
     * refuses ({@link UserAccountRules#checkLicensable}); none once a usage location is
     * chosen for the file.
     */
    public List<StagedRow> rowsWithoutUsageLocation(ImportBatchView batch, int limit) {
        return batches.rowsLicensedWithoutUsageLocation(batch.customerId(), batch.id(), batch.fileSubscriptionIds(),
                batch.defaultUsageLocation(), limit);
    }

    public long countWithoutUsageLocation(ImportBatchView batch) {
        return batches.countLicensedWithoutUsageLocation(batch.customerId(), batch.id(), batch.fileSubscriptionIds(),
                batch.defaultUsageLocation());
    }

    /** Seats each of the customer's subscriptions would give to the valid rows, with what it has free. */
    public List<SeatNeed> seatNeeds(ImportBatchView batch) {
        ImportBatches.ValidRowLicenses rows = batches.validRowLicenses(batch.customerId(), batch.id());
        return licensing.subscriptionsOf(batch.customerId()).stream().map(subscription -> {
            boolean forFile = batch.fileSubscriptionIds().contains(subscription.getId());
            int needed = forFile ? rows.valid() : rows.bySubscription().getOrDefault(subscription.getId(), 0);
            return new SeatNeed(subscription.getId(), subscription.getProductName(), subscription.getSku(), needed,
                    subscription.available(), forFile);
        }).toList();
    }

    /**
     * Saves the licenses for the whole file and its default usage location.
     * @throws SubscriptionNotFound when a subscription is not the customer's
     * @throws NotACountry when the usage location is not an ISO country code
     */
    public void choose(UUID customerId, UUID staffId, UUID batchId, List<UUID> subscriptionIds, String usageLocation) {
        require(customerId, staffId, batchId);
        List<UUID> distinct = subscriptionIds.stream().distinct().toList();
        licensing.requireSubscriptions(customerId, distinct);
        String location = UserAccountRules.parseUsageLocation(usageLocation).orElse(null);
        batches.choose(customerId, staffId, batchId, distinct, location, clock.instant());
    }

    /**
     * What the preview's buttons do: both save the licenses and default usage location, so that what the admin sees
     * checked is what is created; with {@code create}, the users are then created through a newly reserved handoff.
     * @return with {@code create}, the handoff whose key the browser must get, and where the import stands then
     * @throws ImportNotReady       when the import is not a preview waiting to be created
     * @throws ImportAlreadyRunning when another import of the customer is running
     * @throws UsageLocationMissing when rows would get licenses without a usage location; nothing starts
     * @throws NotACountry when the usage location is not an ISO country code; nothing is saved
     */
    public Choices saveChoices(UUID customerId, UUID staffId, String staffUsername, UUID batchId,
            List<UUID> subscriptionIds, String usageLocation, boolean create) {
        choose(customerId, staffId, batchId, subscriptionIds, usageLocation);
        if (!create) {
            return new Choices(Optional.empty(), ImportStatus.READY);
        }
        OpenedHandoff handoff = handoffs.reserve(customerId);
        create(customerId, staffId, staffUsername, batchId, handoff);
        return new Choices(Optional.of(handoff), require(customerId, staffId, batchId).status());
    }

    /**
     * @param handoff reserved when the users are being created, or were created within the request
     * @param status  where the import stands: CREATED, CREATING in the background, or READY again when the creation
     *                failed within the request
     */
    public record Choices(Optional<OpenedHandoff> handoff, ImportStatus status) {
    }

    /**
     * Creates every valid row, in the request or in the background, and hands their temporary passwords to the staff
     * member through the reserved handoff, whose key their browser already holds. A failure rolls everything back and
     * brings the preview back with the reason; nothing is half created. Beyond the imports this instance runs at once,
     * the creation waits in the background for a free slot.
     *
     * @param handoff from {@link PasswordHandoffs#reserve}; its key stays in memory only
     * @throws ImportNotReady        when the import is not a preview waiting to be created
     * @throws ImportAlreadyRunning  when another import of the customer is running
     * @throws UsageLocationMissing  when rows would get licenses without a usage location; nothing starts
     */
    public void create(UUID customerId, UUID staffId, String staffUsername, UUID batchId, OpenedHandoff handoff) {
        ImportBatchView batch = require(customerId, staffId, batchId);
        if (countWithoutUsageLocation(batch) > 0) {
            throw new UsageLocationMissing();
        }
        ImportRun run = ImportRun.claim(customerId, batchId);
        batches.startCreating(run, staffId, leases.instance(), clock.instant());
        workers.run(run, batch.validCount() <= settings.backgroundAboveRows(),
                () -> runCreation(batch, run, handoff, staffUsername));
    }

    private void runCreation(ImportBatchView batch, ImportRun run, OpenedHandoff handoff, String staffUsername) {
        try {
            creation.create(batch, run, handoff, staffUsername);
        }
        catch (SeatsExhausted exhausted) {
            creationFailed(batch, run, "import.create.seatsExhausted", List.of(exhausted.getProductName(),
                    exhausted.getSeatsNeeded(), exhausted.getSeatsAvailable()));
        }
        catch (DuplicateKeyException | UserCreationRefused usersAppeared) {
            // The preview judged every row; a rule failing now means users were created or domains changed since.
            creationFailed(batch, run, "import.create.usersAppeared", List.of());
        }
        catch (RuntimeException failure) {
            log.error("Creating import {} of customer {} failed", batch.id(), batch.customerId(), failure);
            creationFailed(batch, run, "import.create.failed", List.of());
        }
    }

    private void creationFailed(ImportBatchView batch, ImportRun run, String messageKey, List<Object> arguments) {
        batches.creationFailed(run, messageKey, arguments, clock.instant());
        audit.recordFailure(batch.customerId(), "users.imported", batch.fileName(),
                "created=0, valid=" + batch.validCount() + ", reason=" + messageKey);
    }

    private static String cut(String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            name = "upload.csv";
        }
        return name.length() <= 255 ? name : name.substring(0, 255);
    }
}
