package com.partnerdesk.platform;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions in PostgreSQL, so that any instance behind the load balancer can serve any request ({@link SessionStore}).
 * Declared here rather than left to Spring Boot, because the store wraps Spring Session's JDBC repository. The
 * repository gets plain JDBC transactions on the application's database: through the JPA transaction manager each
 * read and write of a session would open and close a Hibernate session.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStoreConfiguration {

    @Bean
    SessionStore sessionRepository(DataSource dataSource,
            @Value("${server.servlet.session.timeout}") Duration timeout) {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        TransactionTemplate joinAny = new TransactionTemplate(transactions);
        joinAny.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
                joinAny);
        repository.setDefaultMaxInactiveInterval(timeout);
        repository.setConversionService(serializationWithApplicationClasses());
        // Two requests of one browser at once may both add the same attribute (a first CSRF token): the second
        // insert updates the row instead of failing on its key.
        new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
        return new SessionStore(repository, new TransactionTemplate(transactions));
    }

    /**
     * The session cookie, declared here so that it is the same whichever server runs the application: HttpOnly,
     * SameSite=Lax, and Secure on an HTTPS installation ({@link PublicUrl}) or else whenever the request is.
     */
    @Bean
    CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.name}") String name, PublicUrl publicUrl) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(name);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        if (publicUrl.isHttps()) {
            cookie.setUseSecureCookie(true);
        }
        return cookie;
    }

    @Bean
    FilterRegistrationBean<SessionStore.RequestScope> sessionStoreRequestScope(SessionStore sessions) {
        FilterRegistrationBean<SessionStore.RequestScope> registration = new FilterRegistrationBean<>(
                new SessionStore.RequestScope(sessions));
        registration.setOrder(SessionStore.RequestScope.ORDER);
        return registration;
    }

    /**
     * Session attributes are serialised Java objects; they are read back with the class loader of the application's
     * own classes, which in a packaged jar is not the one the JDK would pick.
     */
    private static GenericConversionService serializationWithApplicationClasses() {
        GenericConversionService conversion = new GenericConversionService();
        conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversion.addConverter(byte[].class, Object.class,
                new DeserializingConverter(SessionStoreConfiguration.class.getClassLoader()));
        return conversion;
    }
}
