package com.partnerdesk.csvimport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.partnerdesk.csvimport.internal.CsvFileGenerator;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.security.StaffRole;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * As many imports created at once as the pool has connections: with a pool of four, an instance runs two imports at
 * once and the others wait their turn with a sentence on their page; none fails for want of a connection, and every
 * one is created in the end. The creations are held at their first user by a table lock the test holds on a
 * connection of its own, so all of them are running or waiting at the same time, whatever the machine's speed.
 */
@SpringBootTest(properties = { "spring.datasource.hikari.maximum-pool-size=4",
        "spring.datasource.hikari.connection-timeout=2000", "partnerdesk.import.create-chunk-rows=10" })
@AutoConfigureMockMvc
class ImportConcurrencyLimitTests {

    private static final int IMPORTS = 4;

    private static final int RUNNING = 2;

    private static final int USERS = 30;

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path directory;

    private final SignedInStaff admin = new SignedInStaff(UUID.randomUUID(), "admin-" + UUID.randomUUID(), "Test", null,
            StaffRole.ADMIN_AGENT, 0);

    @Test
    void asManyImportsAsThePoolHasConnectionsAllSucceedTheExcessWaitingWithASentence() throws Exception {
        TestData data = new TestData(jdbc);
        List<TestCustomer> customers = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < IMPORTS; i++) {
            TestCustomer customer = data.customer("Pool Contoso " + i);
            customers.add(customer);
            pages.add(upload(customer));
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getMaximumPoolSize()).isEqualTo(IMPORTS);

        // The test's own connection: it must not take one of the four the imports compete for.
        try (SingleConnectionDataSource own = new SingleConnectionDataSource(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword(), true)) {
            JdbcTemplate observer = new JdbcTemplate(own);
            ExecutorService admins = Executors.newFixedThreadPool(IMPORTS);
            List<Future<MockHttpServletResponse>> creates = new ArrayList<>();
            try (HeldTable held = HeldTable.hold(new SingleConnectionDataSource(pool.getJdbcUrl(), pool.getUsername(),
                    pool.getPassword(), false), "customer_user")) {
                CyclicBarrier together = new CyclicBarrier(IMPORTS);
                for (String page : pages) {
                    creates.add(admins.submit(() -> {
                        together.await();
                        return mvc.perform(post(page).param("create", "true").with(csrf()).with(user(admin)))
                                .andReturn().getResponse();
                    }));
                }
                await().atMost(PATIENCE).until(() -> observer.queryForObject("""
                        select count(*) filter (where status = 'CREATING') = ?
                           and count(*) filter (where waiting_behind is not null) = ?
                           and (select count(*) from pg_locks where not granted
                                and relation = 'customer_user'::regclass) = ?
                        from import_batch where customer_id = any(?)
                        """, Boolean.class, IMPORTS, IMPORTS - RUNNING, RUNNING,
                        customers.stream().map(TestCustomer::id).toArray(UUID[]::new)));

                List<String> waiting = new ArrayList<>();
                for (String page : pages) {
                    String html = page(page);
                    if (html.contains("2 imports are running on this server")) {
                        waiting.add(page);
                        assertThat(html).contains("2 imports are running on this server, as many as it runs at once; "
                                + "this one starts when one of them finishes.");
                    }
                }
                assertThat(waiting).hasSize(IMPORTS - RUNNING);
            }
            for (Future<MockHttpServletResponse> create : creates) {
                MockHttpServletResponse response = create.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(response.getStatus()).isEqualTo(302);
            }
            admins.shutdown();

            await().atMost(PATIENCE).until(() -> observer.queryForObject("""
                    select count(*) from import_batch where customer_id = any(?) and status = 'CREATED'
                    """, Integer.class, (Object) customers.stream().map(TestCustomer::id).toArray(UUID[]::new))
                    == IMPORTS);
            for (TestCustomer customer : customers) {
                assertThat(observer.queryForObject("select count(*) from customer_user where customer_id = ?",
                        Integer.class, customer.id())).isEqualTo(USERS);
            }
            assertThat(observer.queryForObject("""
                    select count(*) from import_batch where customer_id = any(?) and create_error_key is not null
                    """, Integer.class, (Object) customers.stream().map(TestCustomer::id).toArray(UUID[]::new)))
                    .as("no import failed for want of a connection").isZero();
        }
    }

    private String upload(TestCustomer customer) throws Exception {
        byte[] file = Files.readAllBytes(CsvFileGenerator.writePartnerCenterFile(
                directory.resolve(customer.id() + ".csv"), USERS, customer.domain()));
        String page = mvc.perform(multipart("/customers/{c}/users/import", customer.id())
                        .file(new MockMultipartFile("file", "users.csv", "text/csv", file))
                        .with(csrf()).with(user(admin)))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(page(page)).contains("Create 30 users");
        return page;
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(admin))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
