package com.partnerdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations live in one folder per module ({@code db/migration/<module>/}). They were once one flat folder, and
 * databases migrated then (an admin's embedded data directory, an external PostgreSQL) must keep starting: Flyway
 * keys a migration by version, description and checksum of its bytes, none of which the folder changes.
 */
@SpringBootTest
class MigrationLayoutTests {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.flyway.locations}")
    String locations;

    /** A file left in the root, or in a folder no module has, would belong to no one. */
    @Test
    void everyMigrationSitsInTheFolderOfAModule() throws IOException {
        Set<String> modules = TableOwnership.modules();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            List<Path> misplaced = files.filter(Files::isRegularFile)
                .map(MIGRATIONS::relativize)
                .filter(file -> file.getNameCount() != 2 || !modules.contains(file.getName(0).toString()))
                .toList();
            assertThat(misplaced).as("migrations outside db/migration/<module>/").isEmpty();
        }
    }

    /** The module in a migration's name is the folder it sits in, so a file cannot be filed under another module. */
    @Test
    void aMigrationsNameCarriesItsFoldersModule() throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            List<Path> misnamed = files.filter(Files::isRegularFile)
                .map(MIGRATIONS::relativize)
                .filter(file -> file.getNameCount() == 2)
                .filter(file -> !file.getFileName().toString()
                    .matches("V[0-9_]+__(" + folderModule(file) + ")_.*\\.sql"))
                .toList();
            assertThat(misnamed).isEmpty();
        }
    }

    @Test
    void aDatabaseMigratedFromTheFlatFolderValidatesAndStartsWithTheModuleFolders(@TempDir Path flat)
            throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, flat.resolve(file.getFileName().toString()));
            }
        }
        String database = "flat_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("create database " + database);
        String url = hikari().getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        SingleConnectionDataSource migrated = new SingleConnectionDataSource(url, hikari().getUsername(),
                hikari().getPassword(), true);
        try {
            int applied = Flyway.configure().dataSource(migrated).locations("filesystem:" + flat).load().migrate()
                .migrationsExecuted;
            assertThat(applied).isEqualTo(countMigrations());

            Flyway today = Flyway.configure().dataSource(migrated).locations(locations.split(",")).load();
            ValidateResult validation = today.validateWithResult();
            assertThat(validation.validationSuccessful).as(String.valueOf(validation.invalidMigrations)).isTrue();
            assertThat(today.info().pending()).isEmpty();
            migrated.destroy();

            try (ConfigurableApplicationContext started = new SpringApplicationBuilder(PartnerDeskApplication.class)
                .properties("server.port=0", "management.server.port=0", "spring.main.banner-mode=off",
                        "spring.jmx.enabled=false", "spring.datasource.url=" + url,
                        "spring.datasource.username=" + hikari().getUsername(),
                        "spring.datasource.password=" + hikari().getPassword())
                .run()) {
                assertThat(started.isRunning()).isTrue();
                assertThat(started.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                    .isEqualTo(applied);
            }
        }
        finally {
            migrated.destroy();
            jdbc.execute("drop database " + database + " with (force)");
        }
    }

    private static String folderModule(Path file) {
        String module = file.getName(0).toString();
        // The staff tables were created under the name of the security module's first feature.
        return module.equals("security") ? "security|staff" : module;
    }

    private static long countMigrations() throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            return files.filter(Files::isRegularFile).collect(Collectors.counting());
        }
    }

    private HikariDataSource hikari() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        }
        catch (SQLException notHikari) {
            throw new IllegalStateException(notHikari);
        }
    }
}
