package com.partnerdesk.csvimport.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staged uploads never created do not pile up: a customer keeps a bounded number of finished imports, and those older
 * than a day go even when the customer never uploads again.
 */
@SpringBootTest
class ImportTidyTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportBatches batches;

    @Autowired
    ImportTidyJob job;

    @Test
    void finishedImportsOfACustomerWhoNeverUploadsAgainGoAfterADayWithTheirRows() {
        TestCustomer customer = new TestData(jdbc).customer("Tidy Contoso");
        Instant now = Instant.now();
        UUID stale = batch(customer, "READY", now.minus(Duration.ofDays(2)));
        UUID rejected = batch(customer, "FILE_REJECTED", now.minus(Duration.ofDays(3)));
        UUID recent = batch(customer, "READY", now.minus(Duration.ofHours(1)));
        UUID running = batch(customer, "READING", now.minus(Duration.ofDays(2)));
        stagedRows(customer, stale, 3);

        job.tidy();

        assertThat(batchesOf(customer)).containsExactlyInAnyOrder(recent, running).doesNotContain(stale, rejected);
        assertThat(jdbc.queryForObject("select count(*) from import_row where customer_id = ?", Long.class,
                customer.id())).isZero();
    }

    @Test
    void aCustomerKeepsAtMostTwentyFinishedImportsWhateverHowManyAreUploadedInADay() {
        TestCustomer customer = new TestData(jdbc).customer("Busy Uploads");
        Instant now = Instant.now();
        List<UUID> newestFirst = new ArrayList<>();
        for (int upload = 0; upload < 30; upload++) {
            newestFirst.add(batch(customer, "READY", now.minus(Duration.ofMinutes(upload))));
        }
        stagedRows(customer, newestFirst.get(29), 2);

        batches.tidy(customer.id(), now);

        assertThat(batchesOf(customer)).as("the newest, leaving room for the upload that tidies")
            .containsExactlyInAnyOrderElementsOf(newestFirst.subList(0, ImportBatches.KEPT_PER_CUSTOMER - 1));
        assertThat(jdbc.queryForObject("select count(*) from import_row where customer_id = ?", Long.class,
                customer.id())).isZero();
    }

    private UUID batch(TestCustomer customer, String status, Instant updatedAt) {
        UUID id = UUID.randomUUID();
        boolean running = status.equals("READING");
        jdbc.update("""
                insert into import_batch (customer_id, id, staff_id, staff_username, file_name, status, created_at,
                                          updated_at, claimed_by, claim_id, heartbeat_at)
                values (?, ?, ?, 'admin', 'users.csv', ?, ?, ?, ?, ?, ?)
                """, customer.id(), id, UUID.randomUUID(), status, Timestamp.from(updatedAt),
                Timestamp.from(updatedAt), running ? "elsewhere" : null, running ? UUID.randomUUID() : null,
                running ? Timestamp.from(Instant.now()) : null);
        return id;
    }

    private void stagedRows(TestCustomer customer, UUID batchId, int rows) {
        for (int row = 1; row <= rows; row++) {
            jdbc.update("""
                    insert into import_row (customer_id, batch_id, row_number, first_name, last_name, display_name,
                                            display_name_derived, username, usage_location, licenses, valid,
                                            has_warning)
                    values (?, ?, ?, 'Ada', 'Lovelace', 'Ada Lovelace', false, 'ada', 'GB', '', true, false)
                    """, customer.id(), batchId, row);
        }
    }

    private List<UUID> batchesOf(TestCustomer customer) {
        return jdbc.queryForList("select id from import_batch where customer_id = ?", UUID.class, customer.id());
    }
}
