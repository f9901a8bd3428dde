package com.partnerdesk.customer.web;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import com.partnerdesk.support.HttpVisitor;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers for docs/benchmarks.md: what an adversarial domain list (a domain, a run of spaces, a bad character) costs
 * the check that replaced the backtracking pattern, and what it cost that pattern. Not part of the normal build:
 * {@code ./mvnw -o -Pbenchmarks test -Dtest=DomainListBenchmarks}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DomainListBenchmarks {

    /** The pattern the domains field had until December 2026, kept here only to measure it. */
    private static final Pattern FORMER_PATTERN = Pattern
        .compile("(?i)\\s*([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+)"
                + "(\\s*[,\\s]\\s*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+)*\\s*");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adversarialDomainLists() throws Exception {
        for (int spaces : new int[] { 1_000, 2_000, 4_000, 8_000, 16_000 }) {
            String text = adversarial(spaces);
            long nanos = best(() -> assertThat(FORMER_PATTERN.matcher(text).matches()).isFalse());
            System.out.printf("BENCHMARK former pattern, %,d spaces: %.1f ms%n", spaces, nanos / 1e6);
        }
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            for (int spaces : new int[] { 8_000, CustomerForm.MAX_DOMAINS_LENGTH - 20, 1_000_000 }) {
                CustomerForm form = new CustomerForm("Contoso", adversarial(spaces));
                long nanos = best(() -> assertThat(validator.validate(form)).hasSize(1));
                System.out.printf("BENCHMARK domains check, %,d spaces: %.3f ms%n", spaces, nanos / 1e6);
            }
        }
        TestData data = new TestData(jdbc);
        for (String role : new String[] { "HELPDESK_AGENT", "ADMIN_AGENT" }) {
            HttpVisitor visitor = HttpVisitor.at(port, "en").signIn("/sign-in", data.staff(role),
                    TestData.STAFF_PASSWORD);
            Map<String, String> form = visitor.get("/customers").csrfField();
            form.put("companyName", "Benchmark " + UUID.randomUUID());
            form.put("domains", adversarial(1_000_000));
            int[] status = new int[1];
            long nanos = best(() -> status[0] = visitor.post("/customers/new", form).status());
            System.out.printf("BENCHMARK POST /customers/new with 1,000,000 spaces as %s: %d in %.1f ms%n", role,
                    status[0], nanos / 1e6);
        }
    }

    private static String adversarial(int spaces) {
        return "contoso.example" + " ".repeat(spaces) + "!";
    }

    /** The best of five runs after one warm-up, in nanoseconds. */
    private static long best(Measured measured) throws Exception {
        measured.run();
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            measured.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    interface Measured {

        void run() throws Exception;
    }
}
