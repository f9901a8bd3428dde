package com.partnerdesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL next to the JVM when no {@code spring.datasource.url} is configured, so that a fresh clone
 * runs and tests with nothing but a JDK, and points Spring Boot's own {@code spring.datasource.*} at it.
 * <p>
 * The choice is made each time the application starts, not when its beans are defined: the packaged application is
 * processed ahead of time (docs/decisions/0007-runtime-java-25-for-start-up.md), which fixes its bean
 * definitions at build time, and an external database must still be chosen with {@code SPRING_DATASOURCE_URL} when it
 * runs. Spring Boot builds the same connection pool either way; only the properties it reads differ.
 * <p>
 * The server starts before the application context is refreshed. (Starting it on a thread of its own, while the
 * context is built, saved nothing measurable on 2 cores: see docs/benchmarks.md.) With
 * {@code partnerdesk.embedded-database.data-directory} set (the default for the application)
 * the data survives restarts; without it (tests) every JVM gets a throwaway database. One server per JVM serves every
 * Spring context of that JVM. As root, the server runs inside a user namespace (PostgreSQL refuses to run as root).
 * Connections must give a password generated for the data directory and kept in it ({@link EmbeddedDatabasePassword}),
 * also in a directory created by an earlier version that trusted every local connection.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class EmbeddedPostgresLauncher implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    private static final String PROPERTY_SOURCE = "embeddedPostgres";

    private static EmbeddedPostgres server;

    private static volatile String password;

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        // Processing ahead of time only records bean definitions: no database is needed, and none may be started.
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            return;
        }
        EmbeddedPostgres postgres = server(environment.getProperty("partnerdesk.embedded-database.data-directory"));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", EmbeddedDatabasePassword.USER,
                "spring.datasource.password", password)));
    }

    /** True when this installation runs on the embedded database, which is when demo data may be seeded. */
    public static boolean isActive(Environment environment) {
        return environment instanceof ConfigurableEnvironment configurable
                && configurable.getPropertySources().contains(PROPERTY_SOURCE);
    }

    /** The JVM's server, started on first use. */
    static synchronized EmbeddedPostgres server(String dataDirectory) {
        if (server == null) {
            Path directory = StringUtils.hasText(dataDirectory) ? Path.of(dataDirectory).toAbsolutePath() : null;
            EmbeddedDatabasePassword databasePassword = EmbeddedDatabasePassword.of(directory);
            server = start(directory, databasePassword);
            password = databasePassword.value();
        }
        return server;
    }

    /**
     * Starts a server on that data directory (a throwaway one for null) that accepts only connections with the
     * password; every connection the server hands out ({@link EmbeddedPostgres#getPostgresDatabase()}) gives it.
     */
    static EmbeddedPostgres start(Path directory, EmbeddedDatabasePassword password) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                .setConnectConfig("password", password.value());
            if (directory != null) {
                Files.createDirectories(directory.getParent());
                // The embedded server's default (synchronous_commit=off, which suits throwaway test databases) could
                // lose the last committed work of a kept directory when the machine stops.
                builder.setDataDirectory(directory).setCleanDataDirectory(false).setServerConfig("synchronous_commit",
                        "on");
                log.info("Embedded PostgreSQL keeps its data in {}", directory);
            }
            EmbeddedPostgres started = builder.start();
            if (password.requireOn(started.getPostgresDatabase()) && directory != null) {
                log.info("Embedded PostgreSQL in {} now asks for the password kept in {}", directory,
                        directory.resolve(EmbeddedDatabasePassword.FILE_NAME));
            }
            return started;
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
