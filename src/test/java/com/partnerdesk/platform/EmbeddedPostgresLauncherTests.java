package com.partnerdesk.platform;

import java.sql.Connection;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database is chosen when the application starts, through Spring Boot's own {@code spring.datasource.*}: the
 * embedded server when no URL is configured, the configured database otherwise. No bean definition depends on it,
 * which is what lets a build processed ahead of time still honour {@code SPRING_DATASOURCE_URL}.
 */
class EmbeddedPostgresLauncherTests {

    @Test
    void withNoDatabaseConfiguredTheApplicationRunsOnTheEmbeddedServer() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            EmbeddedPostgres server = EmbeddedPostgresLauncher.server(null);
            assertThat(EmbeddedPostgresLauncher.isActive(context.getEnvironment())).isTrue();
            assertThat(jdbcUrl(context)).isEqualTo(server.getJdbcUrl("postgres", "postgres"));
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void withADatabaseConfiguredTheApplicationUsesIt() throws Exception {
        String configured = aDatabaseOfItsOwn();
        try (ConfigurableApplicationContext context = start("spring.datasource.url=" + configured,
                "spring.datasource.password=" + embeddedPassword())) {
            assertThat(EmbeddedPostgresLauncher.isActive(context.getEnvironment())).isFalse();
            assertThat(jdbcUrl(context)).isEqualTo(configured);
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    /** Another database (on the same server, which is all this JVM has), so the URL tells which one is used. */
    private static String aDatabaseOfItsOwn() {
        EmbeddedPostgres server = EmbeddedPostgresLauncher.server(null);
        JdbcTemplate jdbc = new JdbcTemplate(server.getPostgresDatabase());
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select from pg_database where datname = 'configured')", Boolean.class))) {
            jdbc.execute("create database configured");
        }
        return server.getJdbcUrl("postgres", "configured");
    }

    /** The embedded server asks every connection for its password, an external database would for its own. */
    private static String embeddedPassword() {
        return new JdbcTemplate(EmbeddedPostgresLauncher.server(null).getPostgresDatabase())
            .queryForObject("select pg_read_file(?)", String.class, EmbeddedDatabasePassword.FILE_NAME);
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(DataSourceOnly.class).web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off", "partnerdesk.embedded-database.data-directory=")
            .properties(properties)
            .run();
    }

    private static String jdbcUrl(ConfigurableApplicationContext context) {
        return context.getBean(HikariDataSource.class).getJdbcUrl();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class DataSourceOnly {
    }
}
