package com.partnerdesk.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements a piece of code sends to the database, so tests can prove that a page costs the same
 * number of statements whatever its size or number. Only statements of the calling thread count: MockMvc serves the
 * request on the test's thread, while scheduled jobs of the same application run on others.
 * <p>
 * Import it with {@code @Import(StatementCounter.class)}: it wraps the application's {@link DataSource}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    /** Runs {@code work} and returns how many statements it executed on this thread. */
    public static long count(Runnable work) {
        return measure(() -> {
            work.run();
            return null;
        }).statements();
    }

    public static <T> Counted<T> measure(Supplier<T> work) {
        long before = COUNT.get()[0];
        T result = work.get();
        return new Counted<>(result, COUNT.get()[0] - before);
    }

    public record Counted<T>(T result, long statements) {
    }

    @Bean
    static BeanPostProcessor statementCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource ? wrap(dataSource) : bean;
            }
        };
    }

    static DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, StatementCounter::wrapStatement)
                : result);
    }

    private static Object wrapStatement(Method method, Object result) {
        if (result instanceof Statement statement) {
            Class<?> type = method.getReturnType();
            return proxy(type, statement, (executed, outcome) -> {
                if (EXECUTIONS.contains(executed.getName())) {
                    COUNT.get()[0]++;
                }
                return outcome;
            });
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, Object target, ResultWrapper wrapper) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return target;
            }
            try {
                return wrapper.wrap(method, method.invoke(target, args));
            }
            catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
    }

    private interface ResultWrapper {

        Object wrap(Method method, Object result);
    }
}
