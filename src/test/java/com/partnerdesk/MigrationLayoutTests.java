package com.partnerdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * keys a migration by version, description and checksum of its bytes, none of which the folder changes. A database is
 * migrated from the files laid out flat again, its checksums are held against the ones installed databases have, and
 * the application, configured as shipped, validates it and starts on it.
 */
@SpringBootTest
class MigrationLayoutTests {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /**
     * Flyway's checksums of the migrations applied while they sat in one flat folder, as installed databases hold
     * them: a move must not change a byte of them, or those databases stop validating.
     */
    private static final Map<String, Integer> FLAT_FOLDER_CHECKSUMS = Map.ofEntries(
            Map.entry("001", 2072064948),
            Map.entry("002", -1834212177),
            Map.entry("003", -1847078440),
            Map.entry("004", -1265478427),
            Map.entry("005", 705380717),
            Map.entry("006", 1668130812),
            Map.entry("007", 2088184245),
            Map.entry("010", -193380656),
            Map.entry("020", 1121611224),
            Map.entry("030", 2073141471),
            Map.entry("040", -1254201800),
            Map.entry("050", 1793928987),
            Map.entry("060", -1260987964),
            Map.entry("061", 234231842),
            Map.entry("070", 1707266467),
            Map.entry("090", -1968807383),
            Map.entry("091", -485882153),
            Map.entry("092", -951077441),
            Map.entry("093", -1934889049),
            Map.entry("094", -691806480),
            Map.entry("095", 1797855594),
            Map.entry("096", -2044020513),
            Map.entry("097", 201381399),
            Map.entry("098", -1844036686));

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
            Map<String, Integer> checksums = new HashMap<>();
            new JdbcTemplate(migrated).query("select version, checksum from flyway_schema_history where version is not null",
                    rs -> {
                        checksums.put(rs.getString(1), rs.getInt(2));
                    });
            assertThat(checksums).containsAllEntriesOf(FLAT_FOLDER_CHECKSUMS);

            Flyway today = Flyway.configure().dataSource(migrated).locations(locations.split(",")).load();
            ValidateResult validation = today.validateWithResult();
            assertThat(validation.invalidMigrations.stream()
                .map(invalid -> invalid.version + " " + invalid.filepath + ": " + invalid.errorDetails.errorMessage))
                .isEmpty();
            assertThat(validation.validationSuccessful).isTrue();
            assertThat(today.info().pending()).isEmpty();
            migrated.destroy();

            // Arguments, not default properties, which application.properties would override.
            try (ConfigurableApplicationContext started = new SpringApplicationBuilder(PartnerDeskApplication.class)
                .run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                        "--spring.jmx.enabled=false", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + hikari().getUsername(),
                        "--spring.datasource.password=" + hikari().getPassword())) {
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
