package com.partnerdesk.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.partnerdesk.PartnerDeskApplication;
import com.partnerdesk.directory.internal.LicenseDecision;
import com.partnerdesk.directory.internal.UserLicenses;
import com.partnerdesk.licensing.SeatsExhausted;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one PostgreSQL, each with its own connection pool, race for the last seats of a
 * subscription through the real Save. The database alone decides who gets them.
 */
class LicenseSaveConcurrencyTests {

    private static final int THREADS_PER_INSTANCE = 50;

    private static ConfigurableApplicationContext first;

    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = instance("first");
        second = instance("second");
    }

    @AfterAll
    static void stopInstances() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    /**
     * A whole application whose web server does not listen (port -1); one embedded PostgreSQL per JVM serves both.
     * Command-line arguments, because they win over application.properties.
     */
    private static ConfigurableApplicationContext instance(String name) {
        return new SpringApplicationBuilder(PartnerDeskApplication.class).run("--server.port=-1",
                "--spring.application.name=partnerdesk-" + name, "--spring.main.banner-mode=off");
    }

    @Test
    void theTwoInstancesAreIndependentButShareOneDatabase() {
        assertThat(first.getBean(DataSource.class)).isNotSameAs(second.getBean(DataSource.class));
        TestCustomer customer = new TestData(jdbc(first)).customer("Shared");
        assertThat(jdbc(second).queryForObject("select company_name from customer where id = ?", String.class,
                customer.id())).isEqualTo(customer.name());
        assertThat(jdbc(first).queryForObject("select system_identifier from pg_control_system()", Long.class))
            .isEqualTo(jdbc(second).queryForObject("select system_identifier from pg_control_system()", Long.class));
    }

    @Test
    void exactlyTheLastTenSeatsAreAssignedWhenAHundredUsersRaceForThem() throws Exception {
        TestData data = new TestData(jdbc(first));
        TestCustomer customer = data.customer("Last Seats");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 30);
        data.assign(customer.id(), e3, users(data, customer, "holder", 20));
        List<UUID> racers = users(data, customer, "racer", 2 * THREADS_PER_INSTANCE);

        Outcomes outcomes = race(racers.size(), i -> save(i % 2 == 0 ? first : second, customer, racers.get(i), e3,
                LicenseDecision.ASSIGN));

        assertThat(outcomes.succeeded).isEqualTo(10);
        assertThat(outcomes.seatsExhausted).isEqualTo(90);
        assertThat(outcomes.otherFailures).isEmpty();
        assertThat(seatsAssigned(e3)).isEqualTo(30).isEqualTo(assignmentRows(e3));
    }

    @Test
    void assignmentsAndRemovalsRacingNeverOversellAndKeepTheCounterExact() throws Exception {
        TestData data = new TestData(jdbc(first));
        TestCustomer customer = data.customer("Mixed Race");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 20);
        List<UUID> holders = users(data, customer, "holder", 20);
        data.assign(customer.id(), e3, holders);
        List<UUID> newcomers = users(data, customer, "newcomer", 80);

        Outcomes outcomes = race(100, i -> {
            ConfigurableApplicationContext instance = i % 2 == 0 ? first : second;
            return i % 5 == 0 ? save(instance, customer, holders.get(i / 5), e3, LicenseDecision.REMOVE)
                    : save(instance, customer, newcomers.get(i - i / 5 - 1), e3, LicenseDecision.ASSIGN);
        });

        assertThat(outcomes.otherFailures).isEmpty();
        assertThat(outcomes.succeeded + outcomes.seatsExhausted).isEqualTo(100);
        int assignedNewcomers = outcomes.succeeded - 20;
        assertThat(assignedNewcomers).isBetween(0, 20);
        assertThat(seatsAssigned(e3)).isEqualTo(assignmentRows(e3)).isEqualTo(assignedNewcomers).isLessThanOrEqualTo(20);
        assertThat(jdbc(first).queryForObject("""
                select count(*) from license_assignment where subscription_id = ? and user_id = any(?)
                """, Integer.class, e3, holders.toArray(UUID[]::new))).isZero();
    }

    private static Boolean save(ConfigurableApplicationContext instance, TestCustomer customer, UUID userId, UUID e3,
            LicenseDecision decision) {
        instance.getBean(UserLicenses.class)
            .change(customer.id(), List.of(userId), Map.of(e3, decision), "race-" + instance.getId());
        return true;
    }

    private static Outcomes race(int threads, IndexedTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Callable<Boolean> call = () -> {
                start.await();
                return task.run(index);
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        Outcomes outcomes = new Outcomes();
        for (Future<Boolean> future : futures) {
            try {
                future.get();
                outcomes.succeeded++;
            }
            catch (java.util.concurrent.ExecutionException failed) {
                if (failed.getCause() instanceof SeatsExhausted) {
                    outcomes.seatsExhausted++;
                }
                else {
                    outcomes.otherFailures.add(failed.getCause());
                }
            }
        }
        pool.shutdown();
        return outcomes;
    }

    private static List<UUID> users(TestData data, TestCustomer customer, String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> data.user(customer, prefix + " " + i, prefix + i)).toList();
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext instance) {
        return instance.getBean(JdbcTemplate.class);
    }

    private int seatsAssigned(UUID subscriptionId) {
        return jdbc(second).queryForObject("select seats_assigned from subscription where id = ?", Integer.class,
                subscriptionId);
    }

    private int assignmentRows(UUID subscriptionId) {
        return jdbc(second).queryForObject("select count(*) from license_assignment where subscription_id = ?",
                Integer.class, subscriptionId);
    }

    @FunctionalInterface
    private interface IndexedTask {
        Boolean run(int index) throws Exception;
    }

    private static final class Outcomes {

        int succeeded;

        int seatsExhausted;

        final List<Throwable> otherFailures = new ArrayList<>();
    }
}
