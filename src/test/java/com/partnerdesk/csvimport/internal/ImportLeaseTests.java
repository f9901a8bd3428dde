package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lease on running imports, between two instances with clocks of their own: another instance's fresh heartbeat is
 * left alone, its renewals keep its import alive, and once its heartbeat is older than the lease this instance turns
 * the import back into something the admin can act on, while the other instance's late end finds nothing to write.
 */
@SpringBootTest
class ImportLeaseTests {

    private static final int USERS = 12;

    @Autowired
    UserImports imports;

    @Autowired
    ImportBatches batches;

    @Autowired
    PasswordHandoffs handoffs;

    @Autowired
    AuditTrail audit;

    @Autowired
    ImportSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path directory;

    private final UUID staffId = UUID.randomUUID();

    @Test
    void aCreationWhoseInstanceStoppedRenewingIsRetryableAndOnlyThen() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Lease Contoso");
        UUID batchId = readyImport(customer);
        Instant start = Instant.now();
        MovableClock thereClock = new MovableClock(start);
        MovableClock hereClock = new MovableClock(start);
        ImportLeases there = new ImportLeases(jdbc, audit, settings, thereClock, "other-instance");
        ImportLeases here = new ImportLeases(jdbc, audit, settings, hereClock, "this-instance");

        ImportRun run = ImportRun.claim(customer.id(), batchId);
        batches.startCreating(run, staffId, there.instance(), thereClock.instant());

        hereClock.move(settings.lease().minusSeconds(1));
        assertThat(here.takeOverStale(customer.id())).as("a fresh heartbeat").isZero();
        assertThat(batch(customer, batchId).status()).isEqualTo(ImportStatus.CREATING);

        run.created(5);
        for (int beat = 0; beat < 4; beat++) {
            thereClock.move(settings.heartbeatEvery());
            there.renew(List.of(run));
            hereClock.move(settings.heartbeatEvery());
            assertThat(here.takeOverStale(customer.id())).as("renewed at beat %d", beat).isZero();
        }
        ImportBatchView renewed = batch(customer, batchId);
        assertThat(renewed.status()).isEqualTo(ImportStatus.CREATING);
        assertThat(renewed.rowsCreated()).as("progress comes with the heartbeat").isEqualTo(5);

        hereClock.move(settings.lease().minus(settings.heartbeatEvery()).plusSeconds(1));
        assertThat(here.takeOverStale(customer.id())).as("the other instance stopped renewing").isOne();
        ImportBatchView retryable = batch(customer, batchId);
        assertThat(retryable.status()).isEqualTo(ImportStatus.READY);
        assertThat(retryable.createErrorKey()).isEqualTo("import.create.interrupted");
        assertThat(retryable.rowsCreated()).isZero();
        assertThat(retryable.validCount()).isEqualTo(USERS);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry
                where customer_id = ? and action = 'users.imported' and outcome = 'FAILURE'
                  and details = 'created=0, valid=12, reason=import.create.interrupted'
                """, Integer.class, customer.id())).isOne();

        // The other instance was only slow: its end finds the batch no longer its own, and its creation rolls back.
        assertThatThrownBy(() -> batches.markCreated(run, USERS, UUID.randomUUID(), thereClock.instant()))
                .isInstanceOf(IllegalStateException.class);
        batches.creationFailed(run, "import.create.failed", List.of(), thereClock.instant());
        there.renew(List.of(run));
        assertThat(batch(customer, batchId).createErrorKey()).isEqualTo("import.create.interrupted");

        imports.create(customer.id(), staffId, "lease-admin", batchId, handoffs.reserve(customer.id()));
        assertThat(batch(customer, batchId).status()).isEqualTo(ImportStatus.CREATED);
        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Integer.class,
                customer.id())).isEqualTo(USERS);
    }

    @Test
    void aReadingWhoseInstanceStoppedFailsWithItsRowsGoneAndFreesTheCustomersSlot() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Lease Fabrikam");
        UUID staged = readyImport(customer);
        MovableClock clock = new MovableClock(Instant.now());
        ImportLeases there = new ImportLeases(jdbc, audit, settings, clock, "other-instance");
        ImportLeases here = new ImportLeases(jdbc, audit, settings, clock, "this-instance");

        UUID batchId = UUID.randomUUID();
        ImportRun run = ImportRun.claim(customer.id(), batchId);
        batches.open(run, staffId, "lease-admin", "half-read.csv", there.instance(), clock.instant());
        copyRows(staged, batchId);
        assertThat(rowsOf(batchId)).isEqualTo(USERS);

        clock.move(settings.lease().plusSeconds(1));
        assertThat(here.takeOverStale(customer.id())).isOne();
        ImportBatchView failed = batch(customer, batchId);
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.createErrorKey()).isEqualTo("import.failed.interrupted");
        assertThat(rowsOf(batchId)).isZero();
        assertThat(rowsOf(staged)).as("another batch's rows stay").isEqualTo(USERS);

        readyImport(customer);
    }

    private UUID readyImport(TestCustomer customer) throws Exception {
        Path generated = CsvFileGenerator.writePartnerCenterFile(directory.resolve(UUID.randomUUID() + ".csv"), USERS,
                customer.domain());
        UUID batchId = imports.upload(customer.id(), staffId, "lease-admin", "users.csv",
                new ByteArrayInputStream(Files.readAllBytes(generated)));
        assertThat(batch(customer, batchId).status()).isEqualTo(ImportStatus.READY);
        return batchId;
    }

    private ImportBatchView batch(TestCustomer customer, UUID batchId) {
        return batches.find(customer.id(), staffId, batchId).orElseThrow();
    }

    private int rowsOf(UUID batchId) {
        return jdbc.queryForObject("select count(*) from import_row where batch_id = ?", Integer.class, batchId);
    }

    /** Stands for rows a reading had staged before its instance stopped. */
    private void copyRows(UUID from, UUID to) {
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.createStatement()) {
                statement.execute("create temporary table copied as select * from import_row where batch_id = '"
                        + from + "'");
                statement.execute("update copied set batch_id = '" + to + "'");
                statement.execute("insert into import_row select * from copied");
                statement.execute("drop table copied");
            }
            return null;
        });
    }

    /** A clock the test moves forward by hand. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
