package com.partnerdesk.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.servlet.http.Cookie;

import com.partnerdesk.support.LargeCustomer;
import com.partnerdesk.support.SignIns;
import com.partnerdesk.support.StatementCounter;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Server time of the Users and licenses page for a customer with 100,000 users: the whole request as the servlet sees
 * it (security filters, controller, SQL, Thymeleaf rendering), without the network. Prints a table for
 * docs/benchmarks.md and writes it to target/benchmarks/users-list.md.
 * <p>
 * Not part of {@code ./mvnw verify}: run it with {@code ./mvnw -o test -Pbenchmarks}.
 */
@Tag("benchmark")
@SpringBootTest
// Printing each result (the default keeps it for a failure report) would be timed as if the server did it.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@Import(StatementCounter.class)
class UsersListBenchmarkTests {

    static final int USERS = Integer.getInteger("benchmark.users", 100_000);

    static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 300);

    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 500);

    /** Measures only the requests whose name contains this text, e.g. {@code -Dbenchmark.only="no filter"}. */
    static final String ONLY = System.getProperty("benchmark.only", "");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void usersListAtOneHundredThousandUsers() throws Exception {
        long started = System.nanoTime();
        LargeCustomer large = LargeCustomer.generate(jdbc, USERS);
        long generatedMillis = (System.nanoTime() - started) / 1_000_000;
        String users = "/customers/" + large.customer().id() + "/users";
        int lastPage = (USERS + 24) / 25;

        // The row before page 2,000 in display-name order, which the list's "Next" link on page 1,999 names.
        UUID middleAnchor = jdbc.queryForObject("""
                select id from customer_user u where customer_id = ? and deleted_at is null
                order by lower(display_name), id offset 49974 limit 1""", UUID.class, large.customer().id());
        UUID e3Anchor = jdbc.queryForObject("""
                select id from customer_user u where customer_id = ? and deleted_at is null and exists (
                    select 1 from license_assignment a where a.customer_id = u.customer_id and a.user_id = u.id
                    and a.subscription_id = ?)
                order by lower(display_name), id offset 49974 limit 1""", UUID.class, large.customer().id(), large.e3());
        String noTeamsInSecondDomain = "?lacksLicense=" + large.teams() + "&domain=" + large.secondDomain();

        List<Scenario> scenarios = List.of(
                new Scenario("page 1, no filter", users),
                new Scenario("page 2,000 (middle) through Next, no filter", users + "?page=2000&after=" + middleAnchor),
                new Scenario("page " + lastPage + " (last), no filter", users + "?page=" + lastPage),
                new Scenario("page 1, 200 per page", users + "?size=200"),
                new Scenario("page 1, sorted by created, newest first", users + "?sort=CREATED_DESC"),
                new Scenario("page 1, has Microsoft 365 E3", users + "?hasLicense=" + large.e3()),
                new Scenario("page 2,000 (deep) through Next, has Microsoft 365 E3",
                        users + "?hasLicense=" + large.e3() + "&page=2000&after=" + e3Anchor),
                new Scenario("page 1, no Teams + domain eu.", users + noTeamsInSecondDomain),
                new Scenario("page 1, no license at all", users + "?unlicensed=true"),
                new Scenario("page 1, role Global admin", users + "?role=GLOBAL_ADMIN"),
                // A surname: one user in 25, spread over the list in name order.
                new Scenario("page 1, search \"novak\"", users + "?q=novak"),
                // A first name: one user in 20, all together in name order, 10,000 names from the top.
                new Scenario("page 1, search \"carmen\"", users + "?q=carmen"),
                new Scenario("page 1, search \"95262\" (one user)", users + "?q=95262"),
                // A page number typed into the address bar (or an old bookmark) carries no row to seek from.
                new Scenario("page 2,000 typed without a link, no filter", users + "?page=2000"),
                new Scenario("page 2,000 typed without a link, has Microsoft 365 E3",
                        users + "?hasLicense=" + large.e3() + "&page=2000"),
                // What the list's script asks once a page without a kept total is shown; not part of the page.
                new Scenario("count for: no Teams + domain eu.", users + "/count" + noTeamsInSecondDomain),
                new Scenario("count for: no license at all", users + "/count?unlicensed=true"),
                new Scenario("count for: search \"novak\"", users + "/count?q=novak"));

        // An admin clicking through the list is signed in: every request reads the session, with the security context
        // and the CSRF token in it, as in production. (MockMvc's session cookie keeps Spring Session's default name;
        // the server's own is PARTNERDESK_SESSION.)
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        Cookie[] cookies = SignIns.signIn(mvc, admin, TestData.STAFF_PASSWORD, "198.51.100.90").getResponse()
            .getCookies();
        assertThat(cookies).as("the session cookie").hasSize(1);
        Cookie session = cookies[0];
        assertThat(mvc.perform(get(users).cookie(session)).andReturn().getResponse().getStatus()).as("signed in")
            .isEqualTo(200);
        List<Scenario> measured = scenarios.stream().filter(scenario -> scenario.name().contains(ONLY)).toList();
        // The kinds of request take turns, one of each per round in a shuffled order, while warming up and while
        // measuring. Warming up on the same mix lets the JIT compile for the mix it is then measured on. Measuring in
        // shuffled rounds lets a slower spell of the machine, or the aftermath of a heavy request, fall on all kinds
        // alike.
        Random shuffling = new Random(ROUNDS);
        inShuffledRounds(WARM_UP, measured.size(), shuffling, (kind, round) -> assertThat(
                mvc.perform(measured.get(kind).request(session)).andReturn().getResponse().getStatus()).isEqualTo(200));
        long[][] nanos = new long[measured.size()][ROUNDS];
        // The request thread's own CPU time leaves out waiting for PostgreSQL and being kept off the processor; what
        // remains of the wall time is that waiting. Allocation varies far less from run to run than either: it shows
        // what a change to the Java side bought where the spread of the times hides it.
        long[][] cpuNanos = new long[measured.size()][ROUNDS];
        long[][] allocated = new long[measured.size()][ROUNDS];
        long[] statements = new long[measured.size()];
        com.sun.management.ThreadMXBean thread = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        inShuffledRounds(ROUNDS, measured.size(), shuffling, (kind, round) -> {
            RequestBuilder request = measured.get(kind).request(session);
            long allocatedBefore = thread.getCurrentThreadAllocatedBytes();
            long cpuBefore = thread.getCurrentThreadCpuTime();
            long before = System.nanoTime();
            statements[kind] = StatementCounter.count(() -> perform(mvc, request));
            nanos[kind][round] = System.nanoTime() - before;
            cpuNanos[kind][round] = thread.getCurrentThreadCpuTime() - cpuBefore;
            allocated[kind][round] = thread.getCurrentThreadAllocatedBytes() - allocatedBefore;
        });
        List<String> lines = new ArrayList<>();
        lines.add("| request | p50 ms | p95 ms | p99 ms | SQL statements | thread CPU p50 / p95 ms "
                + "| waiting p50 / p95 ms | allocated KB |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int kind = 0; kind < measured.size(); kind++) {
            long[] waiting = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                waiting[round] = nanos[kind][round] - cpuNanos[kind][round];
            }
            Arrays.sort(waiting);
            Arrays.sort(nanos[kind]);
            Arrays.sort(cpuNanos[kind]);
            Arrays.sort(allocated[kind]);
            lines.add("| %s | %.2f | %.2f | %.2f | %d | %.2f / %.2f | %.2f / %.2f | %,d |".formatted(
                    measured.get(kind).name(), percentile(nanos[kind], 50), percentile(nanos[kind], 95),
                    percentile(nanos[kind], 99), statements[kind], percentile(cpuNanos[kind], 50),
                    percentile(cpuNanos[kind], 95), percentile(waiting, 50), percentile(waiting, 95),
                    allocated[kind][ROUNDS / 2] / 1024));
        }
        String report = "Users list, customer with %,d users (generated in %,d ms), %d rounds after %d warm-up requests of each%n%n"
            .formatted(USERS, generatedMillis, ROUNDS, WARM_UP) + String.join("\n", lines) + "\n";
        System.out.println(report);
        Path file = Path.of("target", "benchmarks", "users-list.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private static void inShuffledRounds(int rounds, int kinds, Random shuffling, Request request) throws Exception {
        List<Integer> order = new ArrayList<>(IntStream.range(0, kinds).boxed().toList());
        for (int round = 0; round < rounds; round++) {
            Collections.shuffle(order, shuffling);
            for (int kind : order) {
                request.run(kind, round);
            }
        }
    }

    @FunctionalInterface
    private interface Request {

        void run(int kind, int round) throws Exception;
    }

    private static void perform(MockMvc mvc, RequestBuilder request) {
        try {
            mvc.perform(request);
        }
        catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(index, 0)] / 1_000_000.0;
    }

    record Scenario(String name, String url) {

        RequestBuilder request(Cookie session) {
            return get(url).cookie(session);
        }
    }

}
