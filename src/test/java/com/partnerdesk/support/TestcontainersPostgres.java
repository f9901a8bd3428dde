package com.partnerdesk.support;

import java.util.List;
import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The switch that runs every Spring test against a PostgreSQL in Docker (Testcontainers) instead of the embedded one:
 * {@code PARTNERDESK_TESTCONTAINERS=true ./mvnw verify} (or {@code -Dpartnerdesk.testcontainers=true}). It sets
 * {@code spring.datasource.*}, the same switch an external database uses, so the embedded server is never started.
 * One container serves the whole test JVM. Registered in {@code META-INF/spring.factories}.
 */
public final class TestcontainersPostgres implements ContextCustomizerFactory {

    public static final String IMAGE = "postgres:17-alpine";

    private static PostgreSQLContainer container;

    /** Whether the tests were asked to run on Testcontainers. */
    public static boolean requested() {
        return "true".equalsIgnoreCase(System.getProperty("partnerdesk.testcontainers",
                System.getenv("PARTNERDESK_TESTCONTAINERS")));
    }

    /** The JVM's container, started on first use. */
    public static synchronized PostgreSQLContainer container() {
        if (container == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new IllegalStateException(
                        "PARTNERDESK_TESTCONTAINERS=true needs a Docker engine; unset it to use the embedded PostgreSQL");
            }
            container = new PostgreSQLContainer(IMAGE);
            container.start();
        }
        return container;
    }

    /** The properties that point Spring at the container. */
    public static Map<String, Object> datasourceProperties() {
        PostgreSQLContainer postgres = container();
        return Map.of("spring.datasource.url", postgres.getJdbcUrl(), "spring.datasource.username",
                postgres.getUsername(), "spring.datasource.password", postgres.getPassword());
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return requested() ? new UseContainer() : null;
    }

    /** Equal to every other instance, so the switch does not split the context cache. */
    private static final class UseContainer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("testcontainersPostgres", datasourceProperties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof UseContainer;
        }

        @Override
        public int hashCode() {
            return UseContainer.class.hashCode();
        }
    }
}
