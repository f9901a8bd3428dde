package com.partnerdesk.csvimport.internal;

import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfigMXBean;
import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportSettings.class)
class ImportConfiguration {

    /** Without a pool to measure (a plain data source), Hikari's default size. */
    private static final int DEFAULT_POOL_SIZE = 10;

    @Bean
    UserCsvReader userCsvReader() {
        return new UserCsvReader();
    }

    /**
     * The threads that run imports in the background: one per import this instance reads or creates at once
     * ({@link ImportSettings#maxRunning}, or half the connection pool). Each task carries the staff member's identity,
     * so the audit trail names who imported. At shutdown, running and queued imports get up to 20 seconds to finish;
     * one still running then is taken over by another instance when its lease runs out.
     * <p>
     * Not a default candidate: only {@link ImportWorkers} asks for it by name, and Spring Boot's application executor
     * stays as it is.
     */
    @Bean(defaultCandidate = false)
    ThreadPoolTaskExecutor userImportExecutor(ImportSettings settings, DataSource dataSource) {
        int slots = settings.maxRunning() > 0 ? settings.maxRunning() : Math.max(1, poolSize(dataSource) / 2);
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(slots);
        executor.setMaxPoolSize(slots);
        executor.setThreadNamePrefix("user-import-");
        executor.setDaemon(true);
        executor.setTaskDecorator(DelegatingSecurityContextRunnable::new);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        return executor;
    }

    private static int poolSize(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariConfigMXBean.class)
                    ? dataSource.unwrap(HikariConfigMXBean.class).getMaximumPoolSize() : DEFAULT_POOL_SIZE;
        }
        catch (SQLException notHikari) {
            return DEFAULT_POOL_SIZE;
        }
    }
}
