package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.directory.internal.DirectorySettings;
import com.partnerdesk.directory.internal.LicenseDecision;
import com.partnerdesk.directory.internal.LicenseReportPurge;
import com.partnerdesk.directory.internal.UserLicenses;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Licenses updated" reports are kept for the configured retention (90 days by default) and then deleted by the
 * nightly purge; the audit entry of each change stays.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LicenseReportRetentionTests {

    /** Long before anything other tests save, so the purge's cutoff only ever reaches this test's reports. */
    private static final Instant SAVED = Instant.parse("2020-01-10T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    UserLicenses licenses;

    @Autowired
    DirectorySettings settings;

    TestCustomer customer;

    UUID older;

    UUID newer;

    @BeforeEach
    void twoReportsSavedTenDaysApart() {
        TestData data = new TestData(jdbc);
        customer = data.customer("Retention Contoso");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 5);
        UUID ada = data.user(customer, "Ada Lovelace", "ada");
        older = savedAt(SAVED, ada, e3, LicenseDecision.ASSIGN);
        newer = savedAt(SAVED.plus(Duration.ofDays(10)), ada, e3, LicenseDecision.REMOVE);
    }

    @Test
    void keepsReportsForNinetyDaysByDefaultAndSaysSoOnTheReport() throws Exception {
        assertThat(settings.licenseReportRetention()).isEqualTo(Duration.ofDays(90));

        String page = report(older);

        assertThat(page).contains("This report is kept until 2020-04-09. The Activity tab keeps a record of the change.");
        assertThat(mvc.perform(get(reportUrl(older)).header("Accept-Language", "es")
            .with(user("sales").roles("SALES_AGENT"))).andReturn().getResponse().getContentAsString())
            .contains("Este informe se conserva hasta el 2020-04-09.");
    }

    @Test
    void deletesReportsPastTheRetentionAndKeepsTheirAuditEntries() throws Exception {
        LicenseReportPurge justBefore = purgeAt(SAVED.plus(Duration.ofDays(90)).minusSeconds(1));
        LicenseReportPurge justAfter = purgeAt(SAVED.plus(Duration.ofDays(90)).plusSeconds(1));

        justBefore.purgeExpired();
        assertThat(reportsOfCustomer()).containsExactlyInAnyOrder(older, newer);

        assertThat(justAfter.purgeExpired()).isPositive();
        assertThat(reportsOfCustomer()).containsExactly(newer);
        assertThat(jdbc.queryForObject("select count(*) from license_change_item where change_id = ?", Integer.class,
                older)).isZero();
        mvc.perform(get(reportUrl(older)).with(user("sales").roles("SALES_AGENT"))).andExpect(status().isNotFound());
        report(newer);
        assertThat(jdbc.queryForList("select details from audit_entry where customer_id = ? and action = 'licenses.changed'",
                String.class, customer.id()))
            .anyMatch(details -> details.startsWith("change=" + older))
            .anyMatch(details -> details.startsWith("change=" + newer));

        assertThat(justAfter.purgeExpired()).as("running it again deletes nothing more").isZero();
    }

    @Test
    void purgesInBatchesUntilEveryExpiredReportIsGone() {
        Instant longAgo = SAVED.minus(Duration.ofDays(365));
        UUID bob = new TestData(jdbc).user(customer, "Bob Builder", "bob");
        jdbc.update("""
                insert into license_change (customer_id, id, changed_by, changed_at, user_ids)
                select ?, gen_random_uuid(), 'bulk', ?, array[?]::uuid[] from generate_series(1, ?)
                """, customer.id(), Timestamp.from(longAgo), bob, LicenseReportPurge.BATCH_SIZE + 20);

        assertThat(purgeAt(longAgo.plus(Duration.ofDays(90)).plusSeconds(1)).purgeExpired())
            .isEqualTo(LicenseReportPurge.BATCH_SIZE + 20);
        assertThat(reportsOfCustomer()).containsExactlyInAnyOrder(older, newer);
    }

    private UUID savedAt(Instant when, UUID userId, UUID subscriptionId, LicenseDecision decision) {
        UUID changeId = transaction.execute(status -> licenses.change(customer.id(), List.of(userId),
                Map.of(subscriptionId, decision), "admin"));
        jdbc.update("update license_change set changed_at = ? where id = ?", Timestamp.from(when), changeId);
        return changeId;
    }

    private LicenseReportPurge purgeAt(Instant now) {
        return new LicenseReportPurge(jdbc, transaction, settings, Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<UUID> reportsOfCustomer() {
        return jdbc.queryForList("select id from license_change where customer_id = ?", UUID.class, customer.id());
    }

    private String reportUrl(UUID changeId) {
        return "/customers/" + customer.id() + "/license-changes/" + changeId;
    }

    private String report(UUID changeId) throws Exception {
        return mvc.perform(get(reportUrl(changeId)).with(user("sales").roles("SALES_AGENT")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }
}
