package com.partnerdesk.platform;

import javax.sql.DataSource;

import com.partnerdesk.support.TestcontainersPostgres;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the Testcontainers path: the whole application, Flyway included, on a PostgreSQL in Docker. Skipped where
 * there is no Docker engine (such as the build machines), never failed.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
class TestcontainersPostgresTests {

    @DynamicPropertySource
    static void useContainer(DynamicPropertyRegistry registry) {
        TestcontainersPostgres.datasourceProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApplicationRunsItsMigrationsOnAContainerisedPostgresql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL())
                .isEqualTo(TestcontainersPostgres.container().getJdbcUrl());
        }
        assertThat(jdbc.queryForObject("select count(*) from product", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Long.class))
            .isPositive();
    }
}
