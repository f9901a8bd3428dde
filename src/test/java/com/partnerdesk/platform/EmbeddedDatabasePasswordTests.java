package com.partnerdesk.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The embedded PostgreSQL lets in only connections that give its password, on a new data directory and on one that
 * an earlier version created to trust every local connection (which must still start, with its data).
 */
class EmbeddedDatabasePasswordTests {

    @TempDir
    Path temporary;

    @Test
    void aNewDataDirectoryAsksForAPasswordKeptInAFileOnlyItsOwnerReads() throws Exception {
        Path directory = temporary.resolve("pgdata");
        try (EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(directory,
                EmbeddedDatabasePassword.of(directory))) {
            assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*trust");
            Path passwordFile = directory.resolve(EmbeddedDatabasePassword.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                .isEqualTo("rw-------");
            String password = Files.readString(passwordFile).strip();

            assertRefused(postgres, null);
            assertRefused(postgres, "not-" + password);
            assertThat(answer(postgres, password)).isEqualTo(42);
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryLocalConnectionStillStartsAndIsConvertedKeepingItsData() throws Exception {
        Path directory = temporary.resolve("old-pgdata");
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(directory)
                .setCleanDataDirectory(false).start()) {
            new JdbcTemplate(before.getPostgresDatabase()).execute("create table kept as select 7 as answer");
        }
        assertThat(Files.readString(directory.resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust");
        assertThat(directory.resolve(EmbeddedDatabasePassword.FILE_NAME)).doesNotExist();

        try (EmbeddedPostgres converted = EmbeddedPostgresLauncher.start(directory,
                EmbeddedDatabasePassword.of(directory))) {
            assertThat(EmbeddedDatabasePassword.trusts(directory.resolve("pg_hba.conf"))).isFalse();
            assertRefused(converted, null);
            assertThat(new JdbcTemplate(converted.getPostgresDatabase()).queryForObject("select answer from kept",
                    Integer.class)).isEqualTo(7);
        }

        EmbeddedDatabasePassword stored = EmbeddedDatabasePassword.of(directory);
        assertThat(stored.value()).isEqualTo(Files.readString(directory.resolve(
                EmbeddedDatabasePassword.FILE_NAME)).strip());
        try (EmbeddedPostgres again = EmbeddedPostgresLauncher.start(directory, stored)) {
            assertThat(answer(again, stored.value())).isEqualTo(42);
            assertRefused(again, null);
        }
    }

    @Test
    void aKeptDataDirectoryCommitsDurably() throws Exception {
        Path directory = temporary.resolve("durable");
        try (EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(directory,
                EmbeddedDatabasePassword.of(directory))) {
            assertThat(new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject("show synchronous_commit",
                    String.class)).isEqualTo("on");
        }
    }

    @Test
    void aDirectoryThatAsksForAPasswordButLostItsFileSaysSoInsteadOfWaitingForTheServer() throws Exception {
        Path directory = Files.createDirectories(temporary.resolve("lost"));
        Files.writeString(directory.resolve("pg_hba.conf"), EmbeddedDatabasePassword.PASSWORD_ONLY_HBA);

        assertThatIllegalStateException().isThrownBy(() -> EmbeddedDatabasePassword.of(directory))
            .withMessageContaining(directory.resolve(EmbeddedDatabasePassword.FILE_NAME) + " is missing");
    }

    private static int answer(EmbeddedPostgres postgres, String password) throws SQLException {
        try (Connection connection = dataSource(postgres, password).getConnection()) {
            return new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection,
                    true)).queryForObject("select 6 * 7", Integer.class);
        }
    }

    private static void assertRefused(EmbeddedPostgres postgres, String password) {
        assertThatExceptionOfType(SQLException.class)
            .isThrownBy(() -> dataSource(postgres, password).getConnection().close())
            .satisfies(refused -> assertThat(refused.getSQLState()).isIn("28P01", "08004"));
    }

    private static PGSimpleDataSource dataSource(EmbeddedPostgres postgres, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] { "localhost" });
        dataSource.setPortNumbers(new int[] { postgres.getPort() });
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("postgres");
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }
}
