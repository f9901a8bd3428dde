package com.partnerdesk.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL inside the JVM when no {@code spring.datasource.url} is configured, so that a fresh clone
 * runs and tests with nothing but a JDK.
 * <p>
 * With {@code partnerdesk.embedded-database.data-directory} set (the default for {@code spring-boot:run}) the data
 * survives restarts; without it (tests) every JVM gets a throwaway database. One server per JVM serves every Spring
 * context of that JVM. As root, the server runs inside a user namespace (PostgreSQL refuses to run as root).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    private static EmbeddedPostgres server;

    static synchronized EmbeddedPostgres server(String dataDirectory) throws IOException {
        if (server == null) {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
            if (StringUtils.hasText(dataDirectory)) {
                Path directory = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(directory.getParent());
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
                log.info("Embedded PostgreSQL keeps its data in {}", directory);
            }
            server = builder.start();
        }
        return server;
    }

    @Bean
    DataSource dataSource(Environment environment) throws IOException {
        EmbeddedPostgres postgres = server(environment.getProperty("partnerdesk.embedded-database.data-directory"));
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10));
        return dataSource;
    }

    /** True when this installation runs on the embedded database, which is when demo data may be seeded. */
    public static boolean isActive(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    static class NoDatasourceUrl implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isActive(context.getEnvironment());
        }
    }
}
