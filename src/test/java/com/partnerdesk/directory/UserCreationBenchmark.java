package com.partnerdesk.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.partnerdesk.directory.internal.PasswordResets;
import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.security.StaffRole;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users created per second through {@link UserCreation#createAll} (the path the CSV import takes), with a license each
 * and their handoff, and the latency of a single password reset. Run: {@code ./mvnw -Pbenchmarks test
 * -Dtest=UserCreationBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
class UserCreationBenchmark {

    @Autowired
    UserCreation creation;

    @Autowired
    PasswordResets resets;

    @Autowired
    PasswordHandoffs handoffs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createThousandsOfUsersAndResetPasswords() {
        TestData data = new TestData(jdbc);
        createRun(data, 200);
        long[] runs = new long[3];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = createRun(data, 1000);
        }
        Arrays.sort(runs);
        System.out.printf("createAll 1,000 users with a license and a handoff: %d ms median (%d..%d) = %.0f users/s%n",
                runs[1], runs[0], runs[2], 1000 * 1000.0 / runs[1]);

        TestCustomer customer = data.customer("Reset Bench");
        List<CreatedUser> users = creation.createAll(customer.id(), newUsers(customer, 200, Set.of()));
        long[] latencies = new long[200];
        for (int i = 0; i < latencies.length; i++) {
            long start = System.nanoTime();
            resets.reset(customer.id(), List.of(users.get(i).id()), StaffRole.ADMIN_AGENT);
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        System.out.printf("reset one password: median %.1f ms, p95 %.1f ms%n", latencies[100] / 1e6,
                latencies[190] / 1e6);
        long start = System.nanoTime();
        resets.reset(customer.id(), users.stream().map(CreatedUser::id).toList(), StaffRole.ADMIN_AGENT);
        System.out.printf("reset 200 selected passwords at once: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        assertThat(latencies[100]).isPositive();
    }

    private long createRun(TestData data, int count) {
        TestCustomer customer = data.customer("Bench");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", count);
        List<NewUser> users = newUsers(customer, count, Set.of(e3));
        long start = System.nanoTime();
        List<CreatedUser> created = creation.createAll(customer.id(), users);
        handoffs.open(customer.id(), "bench", created.stream()
            .map(u -> new IssuedCredential(u.displayName(), u.username(), u.temporaryPassword())).toList());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(created).hasSize(count);
        return millis;
    }

    private static List<NewUser> newUsers(TestCustomer customer, int count, Set<UUID> subscriptions) {
        List<NewUser> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(new NewUser(new UserProfile("First" + i, "Last" + i, "Bench User " + i,
                    "bench.user" + i + "@" + customer.domain(), "ES", Set.of()), subscriptions));
        }
        return users;
    }
}
