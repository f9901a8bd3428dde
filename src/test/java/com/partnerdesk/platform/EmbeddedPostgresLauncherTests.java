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
            assertThat(jdbcUrl(context)).isEqualTo("jdbc:postgresql://localhost:" + server.getPort() + "/postgres");
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void withADatabaseConfiguredTheApplicationUsesIt() throws Exception {
        String configured = EmbeddedPostgresLauncher.server(null).getJdbcUrl("postgres", "postgres");
        try (ConfigurableApplicationContext context = start("spring.datasource.url=" + configured)) {
            assertThat(EmbeddedPostgresLauncher.isActive(context.getEnvironment())).isFalse();
            assertThat(jdbcUrl(context)).isEqualTo(configured);
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
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
