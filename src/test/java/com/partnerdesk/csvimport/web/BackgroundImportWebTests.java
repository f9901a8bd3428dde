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
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.csvimport.internal.CsvFileGenerator;
import com.partnerdesk.csvimport.internal.ImportSettings;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.support.SignedIn;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import jakarta.servlet.http.Cookie;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file above the background thresholds (more than 512 KB and more than 2,000 users, the default settings) is read
 * and created in the background: the page shows progress and survives a reload, the customer's other uploads wait
 * their turn, and the end is the same as for a small file. The background work is held at a table lock while the
 * test looks at the running import, so what it sees does not depend on timing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BackgroundImportWebTests {

    private static final int USERS = 7_200;

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ImportSettings settings;

    @TempDir
    Path directory;

    /** Stored, since a session is only good for as long as its staff member's account agrees with it. */
    private SignedInStaff admin;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aLargeImportRunsInTheBackgroundWithProgressAndOneImportPerCustomerAtATime() throws Exception {
        TestData data = new TestData(jdbc);
        admin = SignedIn.staff(data, "ADMIN_AGENT");
        TestCustomer customer = data.customer("Background Contoso");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", USERS + 10);
        byte[] file = Files.readAllBytes(CsvFileGenerator.writePartnerCenterFile(directory.resolve("users.csv"), USERS,
                customer.domain()));
        assertThat((long) file.length).isGreaterThan(settings.backgroundAboveBytes().toBytes());
        assertThat(USERS).isGreaterThan(settings.backgroundAboveRows());

        String importPage;
        try (HeldTable held = HeldTable.hold(dataSource, "import_row")) {
            importPage = upload(customer, file);
            String reading = page(importPage);
            assertThat(reading).contains("Reading the file: 0 rows so far", "<progress", "aria-label=\"Reading the file")
                    .doesNotContain("data-count-valid");
            assertThat(progress(importPage)).containsEntry("status", "READING")
                    .containsEntry("text", "Reading the file: 0 rows so far…");

            String refused = upload(customer, file);
            assertThat(refused).isEqualTo("/customers/" + customer.id() + "/users/import");
            assertThat(flashedPage(customer, file))
                    .contains("Another import is running for this customer. Wait until it has finished, then try again.");
        }

        Map<String, Object> ready = awaitStatus(importPage, "READY");
        assertThat(ready).containsEntry("rowsRead", USERS).containsEntry("validCount", USERS);
        String preview = page(importPage);
        assertThat(preview).containsPattern("data-count-valid[^>]*>7200<").containsPattern("data-count-rejected[^>]*>0<")
                .contains("Create 7,200 users");

        MockHttpServletResponse create;
        try (HeldTable held = HeldTable.hold(dataSource, "customer_user")) {
            create = mvc.perform(post(importPage).param("license", e3.toString()).param("usageLocation", "es")
                            .param("create", "true").with(csrf()).with(user(admin)))
                    .andReturn().getResponse();
            assertThat(create.getRedirectedUrl()).as("back to the running import").isEqualTo(importPage);
            String creating = page(importPage);
            assertThat(creating).contains("Creating users: 0 of 7,200…", "max=\"100\"", "value=\"0\"",
                    "data-progress-bar");
            assertThat(progress(importPage)).containsEntry("status", "CREATING")
                    .containsEntry("text", "Creating users: 0 of 7,200…");
            assertThat(json.readValue(mvc.perform(get(importPage + "/progress").with(user(admin))
                    .locale(Locale.forLanguageTag("es"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8), Map.class))
                    .containsEntry("text", "Creando usuarios: 0 de 7.200…");
            assertThat(flashedPage(customer, file)).contains("Another import is running for this customer.");
        }

        Map<String, Object> created = awaitStatus(importPage, "CREATED");
        assertThat(created).containsEntry("rowsCreated", USERS);
        String confirmation = (String) created.get("confirmationUrl");
        assertThat(confirmation).startsWith("/customers/" + customer.id() + "/handoffs/");
        Cookie key = Arrays.stream(create.getCookies())
                .filter(cookie -> cookie.getName().equals("PD-HANDOFF-" + confirmation.substring(confirmation.lastIndexOf('/') + 1)))
                .findFirst().orElseThrow();
        String passwords = mvc.perform(get(confirmation).cookie(key).with(user(admin))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(passwords).contains("credential-password", "user1@" + customer.domain(), "7,200 users in total");

        assertThat(jdbc.queryForObject("""
                select count(*) from customer_user
                where customer_id = ? and usage_location = 'ES' and deleted_at is null
                """, Integer.class, customer.id())).isEqualTo(USERS);
        assertThat(jdbc.queryForObject("select count(*) from license_assignment where customer_id = ? and subscription_id = ?",
                Integer.class, customer.id(), e3)).isEqualTo(USERS);
        assertThat(jdbc.queryForObject("select seats_assigned from subscription where customer_id = ? and id = ?",
                Integer.class, customer.id(), e3)).isEqualTo(USERS);
        assertThat(jdbc.queryForList("""
                select details from audit_entry where customer_id = ? and action = 'users.imported' and outcome = 'SUCCESS'
                """, String.class, customer.id()))
                .containsExactly("created=7200, rejected=0, warnings=0, skipped=0, licensesForFile=1");

        String again = upload(customer, file);
        Map<String, Object> reread = awaitStatus(again, "READY");
        assertThat(reread).containsEntry("validCount", 0);
        assertThat(jdbc.queryForObject("""
                select count(*) from import_row
                where customer_id = ? and batch_id = ? and not valid
                  and notes @> '[{"key": "import.row.alreadyExists"}]'
                """, Integer.class, customer.id(), UUID.fromString(again.substring(again.lastIndexOf('/') + 1))))
                .isEqualTo(USERS);
        assertThat(page(again)).containsPattern("data-count-rejected[^>]*>7200<")
                .contains("user1@" + customer.domain() + " already exists for this customer.");
        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Integer.class,
                customer.id())).isEqualTo(USERS);
    }

    private String upload(TestCustomer customer, byte[] file) throws Exception {
        return mvc.perform(multipart("/customers/{c}/users/import", customer.id())
                        .file(new MockMultipartFile("file", "users.csv", "text/csv", file))
                        .with(csrf()).with(user(admin)))
                .andReturn().getResponse().getRedirectedUrl();
    }

    /** Uploads and follows the redirect in the same session, where the flash message waits, as a browser would. */
    private String flashedPage(TestCustomer customer, byte[] file) throws Exception {
        MockHttpServletResponse refused = mvc.perform(multipart("/customers/{c}/users/import", customer.id())
                        .file(new MockMultipartFile("file", "users.csv", "text/csv", file))
                        .with(csrf()).with(user(admin)))
                .andReturn().getResponse();
        return mvc.perform(get(refused.getRedirectedUrl()).cookie(refused.getCookies()).with(user(admin)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(user(admin))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> progress(String importPage) throws Exception {
        return json.readValue(mvc.perform(get(importPage + "/progress").with(user(admin))).andReturn().getResponse()
                .getContentAsString(), Map.class);
    }

    /** Follows the progress endpoint, as the page's script does, until the import gets there. */
    private Map<String, Object> awaitStatus(String importPage, String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> progress(importPage), progress -> status.equals(progress.get("status")));
    }
}
