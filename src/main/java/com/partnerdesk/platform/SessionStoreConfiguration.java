package com.partnerdesk.platform;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions for the session store. Spring Session reads the session and writes its access time back on every
 * request; through the application's JPA transaction manager each of those opened and closed a Hibernate session,
 * a noticeable share of every page. It gets a plain JDBC transaction manager on the same database instead, under the
 * bean name Spring Session looks for.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        TransactionTemplate sessionTransactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        return sessionTransactions::execute;
    }

    /**
     * The application's own transaction template, on its JPA transaction manager. Spring Boot would declare it, but
     * steps back as soon as any other {@link TransactionOperations} exists, such as the session store's.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
