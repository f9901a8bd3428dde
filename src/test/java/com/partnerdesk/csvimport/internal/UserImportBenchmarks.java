package com.partnerdesk.csvimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Preview (read, judge, stage) and create times for generated files, and a plain COPY as the floor. Run with
 * {@code ./mvnw -o -Pbenchmarks test -Dtest=UserImportBenchmarks -DargLine=-Xmx512m}; see docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
class UserImportBenchmarks {

    @Autowired
    UserImports imports;

    @Autowired
    PasswordHandoffs handoffs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path directory;

    /**
     * A server that has been running has compiled its import code; the first import in a JVM also pays for the JIT.
     * One import of 10,000 users for another customer, not measured, warms it up.
     */
    @BeforeAll
    static void warmUp(@Autowired UserImports imports, @Autowired PasswordHandoffs handoffs,
            @Autowired JdbcTemplate jdbc, @TempDir Path directory) throws Exception {
        new UserImportBenchmarks().importUsers(imports, handoffs, jdbc, directory, 10_000);
    }

    @ParameterizedTest
    @ValueSource(ints = { 10_000, 150_000 })
    void previewAndCreate(int users) throws Exception {
        Timings timings = importUsers(imports, handoffs, jdbc, directory, users);
        System.out.printf("BENCHMARK %,d users (%.1f MB): preview %,d ms, create %,d ms, max heap %d MB%n", users,
                timings.megabytes(), timings.previewMillis(), timings.createMillis(),
                Runtime.getRuntime().maxMemory() / 1048576);
    }

    record Timings(double megabytes, long previewMillis, long createMillis) {
    }

    private Timings importUsers(UserImports imports, PasswordHandoffs handoffs, JdbcTemplate jdbc, Path directory,
            int users) throws Exception {
        TestCustomer customer = new TestData(jdbc).customer("Benchmark Contoso");
        Path file = directory.resolve("users-" + users + ".csv");
        CsvFileGenerator.writePartnerCenterFile(file, users);
        Path forCustomer = directory.resolve("customer-" + users + ".csv");
        try (var lines = Files.lines(file, StandardCharsets.UTF_8);
             var out = Files.newBufferedWriter(forCustomer, StandardCharsets.UTF_8)) {
            for (var iterator = lines.iterator(); iterator.hasNext();) {
                out.write(iterator.next().replace("contoso.example", customer.domain()));
                out.write("\r\n");
            }
        }
        UUID staffId = UUID.randomUUID();

        long previewStart = System.nanoTime();
        UUID batchId;
        try (InputStream in = Files.newInputStream(forCustomer)) {
            batchId = imports.upload(customer.id(), staffId, "benchmark", "users.csv", in);
        }
        ImportBatchView batch = awaitStatus(imports, customer, staffId, batchId, ImportStatus.READY);
        long previewMillis = (System.nanoTime() - previewStart) / 1_000_000;
        assertThat(batch.validCount()).isEqualTo(users);

        long createStart = System.nanoTime();
        imports.create(customer.id(), staffId, "benchmark", batchId, handoffs.reserve(customer.id()));
        awaitStatus(imports, customer, staffId, batchId, ImportStatus.CREATED);
        long createMillis = (System.nanoTime() - createStart) / 1_000_000;
        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Integer.class,
                customer.id())).isEqualTo(users);

        return new Timings(Files.size(forCustomer) / 1048576.0, previewMillis, createMillis);
    }

    /** The floor: the same kind of rows straight into customer_user with COPY, no checks, no passwords. */
    @Test
    void plainCopyOf100000Users() throws Exception {
        TestCustomer customer = new TestData(jdbc).customer("Copy Contoso");
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 100_000; i++) {
            rows.append(customer.id()).append('\t').append(UUID.randomUUID()).append("\tJosé\tMuñoz\tJosé Muñoz\tuser")
                    .append(i).append('@').append(customer.domain()).append("\tES\tnow\tnow\n");
        }
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Reader in = new StringReader(rows.toString())) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy customer_user (customer_id, id, first_name, last_name, display_name, username, usage_location,
                                        created_at, updated_at) from stdin
                    """, in);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("BENCHMARK plain COPY of 100,000 users: %,d ms%n", millis);
        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Integer.class,
                customer.id())).isEqualTo(100_000);
        jdbc.update("delete from customer_user where customer_id = ?", customer.id());
    }

    private static ImportBatchView awaitStatus(UserImports imports, TestCustomer customer, UUID staffId, UUID batchId, ImportStatus wanted) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(5))
                .pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(5))
                .until(() -> imports.require(customer.id(), staffId, batchId), batch -> {
                    assertThat(batch.status()).isIn(wanted, ImportStatus.READING, ImportStatus.CREATING);
                    return batch.status() == wanted;
                });
    }
}
