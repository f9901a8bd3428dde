package com.partnerdesk.directory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.directory.internal.LicenseDecision;
import com.partnerdesk.directory.internal.UserLicenses;
import com.partnerdesk.directory.internal.UserSelections;
import com.partnerdesk.support.StatementCounter;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Numbers for docs/benchmarks.md. Not part of the normal build:
 * {@code ./mvnw -o -Pbenchmarks test -Dtest=LicenseBenchmarks}.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class LicenseBenchmarks {

    private static final int USERS = 10_000;

    @Autowired
    UserLicenses licenses;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserSelections selections;

    @Test
    void assignOneLicenseToTenThousandSelectedUsersInOneSave() {
        save(USERS, "Warm Up");
        long[] best = null;
        for (int run = 0; run < 3; run++) {
            long[] measured = save(USERS, "Ten Thousand " + run);
            System.out.printf("10,000-user save, run %d: %d ms, %d statements%n", run + 1, measured[0], measured[1]);
            best = best == null || measured[0] < best[0] ? measured : best;
        }
        System.out.printf("BENCHMARK 10,000-user save: best %d ms, %d statements%n", best[0], best[1]);
        assertThat(best[1]).isLessThan(20);
    }

    @Test
    void tenThousandSelectedUsersInOneSaveThroughTheWebLayer() throws Exception {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 4; run++) {
            TestData data = new TestData(jdbc);
            TestCustomer customer = data.customer("Web Ten Thousand " + run);
            UUID e3 = data.subscription(customer.id(), "SPE_E3", USERS);
            UUID selection = selections.create(customer.id(), bulkUsers(customer, USERS), "bench");
            long start = System.nanoTime();
            long count = StatementCounter.count(() -> perform(post("/customers/{c}/users/licenses", customer.id())
                .param("selection", selection.toString())
                .param("licenses[" + e3 + "]", "ASSIGN")
                .with(user("bench").roles("ADMIN_AGENT"))
                .with(csrf())));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("10,000-user save through the web layer, run %d: %d ms, %d statements%n", run, millis,
                    count);
            if (run > 0) {
                best = Math.min(best, millis);
            }
        }
        System.out.printf("BENCHMARK 10,000-user web save: best %d ms%n", best);
    }

    @Test
    void uncontendedSavesPerSecondThroughTheWebLayer() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Web Throughput");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 2_000);
        List<UUID> users = bulkUsers(customer, 600);
        for (int i = 0; i < 100; i++) {
            saveThroughWeb(customer, users.get(i), e3);
        }
        long start = System.nanoTime();
        long statements = StatementCounter.count(() -> {
            for (int i = 100; i < users.size(); i++) {
                saveThroughWeb(customer, users.get(i), e3);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK web saves: %d in %.2f s = %.0f saves/s, %.1f statements per save%n",
                users.size() - 100, seconds, (users.size() - 100) / seconds,
                statements / (double) (users.size() - 100));
        assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, e3))
            .isEqualTo(users.size());
    }

    private void saveThroughWeb(TestCustomer customer, UUID userId, UUID subscriptionId) {
        perform(post("/customers/{c}/users/{u}/licenses", customer.id(), userId)
            .param("licenses[" + subscriptionId + "]", "ASSIGN")
            .with(user("bench").roles("ADMIN_AGENT"))
            .with(csrf()));
    }

    private void perform(org.springframework.test.web.servlet.RequestBuilder request) {
        try {
            mvc.perform(request).andExpect(status().is3xxRedirection());
        }
        catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** @return elapsed milliseconds and statements of the save alone */
    private long[] save(int users, String name) {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer(name);
        UUID e3 = data.subscription(customer.id(), "SPE_E3", users);
        List<UUID> ids = bulkUsers(customer, users);
        long start = System.nanoTime();
        long count = StatementCounter
            .count(() -> licenses.change(customer.id(), ids, Map.of(e3, LicenseDecision.ASSIGN), "bench"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(jdbc.queryForObject("select seats_assigned from subscription where id = ?", Integer.class, e3))
            .isEqualTo(users);
        return new long[] { millis, count };
    }

    private List<UUID> bulkUsers(TestCustomer customer, int count) {
        return jdbc.queryForList("""
                insert into customer_user (customer_id, id, display_name, username, usage_location, created_at,
                                           updated_at)
                select ?, gen_random_uuid(), 'User ' || n, 'user' || n || '@' || ?, 'ES', now(), now()
                from generate_series(1, ?) n
                returning id
                """, UUID.class, customer.id(), customer.domain(), count);
    }
}
