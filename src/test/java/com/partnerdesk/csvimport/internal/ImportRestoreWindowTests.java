package com.partnerdesk.csvimport.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.TakenUsernames;
import com.partnerdesk.directory.UserAccountRules;
import com.partnerdesk.directory.internal.DirectorySettings;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import refuses a username that a deleted user can still be restored with, for exactly as long as the directory
 * lets that user be restored: both read the one restore window of {@link DirectorySettings}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportRestoreWindowTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserCsvReader reader;

    @Autowired
    ImportBatches batches;

    @Autowired
    Customers customers;

    @Autowired
    Licensing licensing;

    @Autowired
    UserAccountRules rules;

    @Autowired
    ImportSettings importSettings;

    @Autowired
    DirectorySettings directorySettings;

    @Autowired
    Clock clock;

    TestCustomer customer;

    @BeforeEach
    void usersDeletedTenAndFortyDaysAgo() {
        TestData data = new TestData(jdbc);
        customer = data.customer("Window Contoso");
        deletedDaysAgo(data.user(customer, "Rita Recent", "rita"), 10);
        deletedDaysAgo(data.user(customer, "Olaf Old", "olaf"), 40);
    }

    @Test
    void refusesUsernamesOfUsersStillInTheDirectorysRestoreWindow() throws Exception {
        Map<String, String> rows = stage(directorySettings);

        assertThat(directorySettings.restoreWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(rows.get("rita@" + customer.domain())).contains("import.row.restorable");
        assertThat(rows.get("olaf@" + customer.domain())).isEqualTo("valid");
        assertThat(rows.get("nina@" + customer.domain())).isEqualTo("valid");
    }

    @Test
    void aShorterRestoreWindowFreesTheUsernamesSoonerForTheImportToo() throws Exception {
        Map<String, String> rows = stage(new DirectorySettings(Duration.ofDays(7), Duration.ofDays(90)));

        assertThat(rows.get("rita@" + customer.domain())).isEqualTo("valid");
        assertThat(rows.get("olaf@" + customer.domain())).isEqualTo("valid");
    }

    /** Each username of the staged file with "valid" or its notes. */
    private Map<String, String> stage(DirectorySettings directory) throws Exception {
        UUID batchId = UUID.randomUUID();
        ImportRun run = ImportRun.claim(customer.id(), batchId);
        batches.open(run, UUID.randomUUID(), "window-admin", "users.csv", "this-instance", clock.instant());
        Path file = Files.createTempFile("window-import-", ".csv");
        Files.writeString(file, """
                First name,Last name,Display name,Email
                Rita,Recent,Rita Recent,rita@%1$s
                Olaf,Old,Olaf Old,olaf@%1$s
                Nina,New,Nina New,nina@%1$s
                """.formatted(customer.domain()), StandardCharsets.UTF_8);
        new ImportStaging(reader, batches, customers, licensing, rules, importSettings,
                new TakenUsernames(jdbc, directory), clock)
            .stage(run, file);
        return jdbc.queryForList("select username, valid, cast(notes as text) as notes from import_row where batch_id = ?",
                batchId)
            .stream()
            .collect(Collectors.toMap(row -> (String) row.get("username"),
                    row -> (Boolean) row.get("valid") ? "valid" : (String) row.get("notes")));
    }

    private void deletedDaysAgo(UUID userId, int days) {
        jdbc.update("""
                update customer_user set deleted_at = now() - make_interval(days => ?), deleted_by = 'test'
                where id = ?
                """, days, userId);
    }
}
