package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Creation is all or nothing: a fault in the database at row k, after earlier chunks have written users and taken
 * seats, leaves no user, no license, no seat and no handoff of passwords behind.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportCreationTransactionTests {

    private static final int FAULTY_USER = 23;

    @Autowired
    UserImports imports;

    @Autowired
    ImportBatches batches;

    @Autowired
    UserCreation userCreation;

    @Autowired
    PasswordHandoffs handoffs;

    @Autowired
    AuditTrail audit;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path directory;

    @AfterEach
    void removeFault() {
        jdbc.execute("drop trigger if exists import_fault on customer_user");
        jdbc.execute("drop function if exists import_fault()");
    }

    @Test
    void aFaultAtRowKOfCreateLeavesZeroUsersAndZeroSeatsTaken() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Fault Contoso");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 100);
        UUID staffId = UUID.randomUUID();
        Path generated = CsvFileGenerator.writePartnerCenterFile(directory.resolve("users.csv"), 30);
        byte[] file = Files.readString(generated, StandardCharsets.UTF_8).replace("contoso.example", customer.domain())
                .getBytes(StandardCharsets.UTF_8);
        UUID batchId = imports.upload(customer.id(), staffId, "fault-admin", "users.csv", new ByteArrayInputStream(file));
        imports.choose(customer.id(), staffId, batchId, List.of(e3), "ES");
        injectFaultAt(customer, "user" + FAULTY_USER + "@" + customer.domain());

        // Chunks of five: four chunks of users and seats are written before the fault hits the fifth.
        ImportSettings smallChunks = new ImportSettings(150_000, DataSize.ofMegabytes(35), DataSize.ofKilobytes(512),
                2000, 5, Duration.ofMinutes(1), Duration.ofSeconds(15), 0);
        ImportCreation creation = new ImportCreation(batches, userCreation, handoffs, audit, smallChunks, clock);
        ImportBatchView batch = imports.require(customer.id(), staffId, batchId);
        ImportRun run = ImportRun.claim(customer.id(), batchId);
        batches.startCreating(run, staffId, "this-instance", clock.instant());
        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> creation.create(batch, run, handoffs.reserve(customer.id()),
                        "fault-admin")))
                .hasMessageContaining("injected fault");

        assertThat(run.rowsCreated()).as("progress did reach the fault").isEqualTo(20);
        assertNothingCreated(customer, e3);

        // The same fault through the service: the preview comes back with the reason, the failure is audited.
        batches.creationFailed(run, "import.create.failed", List.of(), clock.instant());
        imports.create(customer.id(), staffId, "fault-admin", batchId, handoffs.reserve(customer.id()));

        ImportBatchView after = imports.require(customer.id(), staffId, batchId);
        assertThat(after.status()).isEqualTo(ImportStatus.READY);
        assertThat(after.createErrorKey()).isEqualTo("import.create.failed");
        assertThat(after.handoffId()).isNull();
        assertNothingCreated(customer, e3);
        assertThat(jdbc.queryForList("select outcome from audit_entry where customer_id = ? and action = 'users.imported'",
                String.class, customer.id())).containsExactly("FAILURE");
    }

    private void injectFaultAt(TestCustomer customer, String username) {
        jdbc.execute("""
                create function import_fault() returns trigger language plpgsql as $$
                begin
                    raise exception 'injected fault';
                end $$""");
        jdbc.execute("create trigger import_fault before insert on customer_user for each row when (new.customer_id = '"
                + customer.id() + "' and new.username = '" + username + "') execute function import_fault()");
    }

    private void assertNothingCreated(TestCustomer customer, UUID subscription) {
        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Integer.class,
                customer.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from license_assignment where customer_id = ?", Integer.class,
                customer.id())).isZero();
        assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class,
                subscription)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from password_handoff where customer_id = ?", Integer.class,
                customer.id())).as("no temporary passwords handed over").isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where customer_id = ? and action = 'user.created'",
                Integer.class, customer.id())).isZero();
    }
}
