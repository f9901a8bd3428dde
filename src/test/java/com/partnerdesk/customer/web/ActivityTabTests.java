package com.partnerdesk.customer.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** A customer's Activity tab: its audit entries, newest first, paged and filtered through the URL. */
@SpringBootTest
@AutoConfigureMockMvc
class ActivityTabTests {

    private static final Instant START = Instant.parse("2030-03-05T14:07:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    TestCustomer customer;

    @BeforeEach
    void recordActivity() {
        TestData data = new TestData(jdbc);
        customer = data.customer("Busy");
        for (int n = 1; n <= 30; n++) {
            entry(customer.id(), START.plusSeconds(60L * n), n % 3 == 0 ? "helpdesk-7" : "admin-7",
                    n % 2 == 0 ? "customer.domains-changed" : "user.teleported", "target-" + n);
        }
        TestCustomer other = data.customer("Quiet");
        entry(other.id(), START, "admin-7", "customer.created", "other-customers-secret");
    }

    @Test
    void listsTheCustomersEntriesNewestFirstOnPages() throws Exception {
        String first = page(get("/customers/{id}/activity", customer.id()));
        String second = page(get("/customers/{id}/activity", customer.id()).param("page", "2"));

        assertThat(first).contains("target-30", "target-6").doesNotContain("target-5<", "other-customers-secret");
        assertThat(first.indexOf("target-30")).isLessThan(first.indexOf("target-29"));
        assertThat(second).contains("target-5<", "target-1<").doesNotContain("target-30");
        assertThat(first).contains("Page 1 of 2 (30 in total)");
    }

    @Test
    void filtersByActionAndByWhoDidItThroughTheUrl() throws Exception {
        String changes = page(get("/customers/{id}/activity", customer.id()).param("action", "customer.domains-changed"));
        String byHelpdesk = page(get("/customers/{id}/activity", customer.id()).param("actor", "HELPDESK"));

        assertThat(changes).contains("target-30", "target-2<").doesNotContain("target-29", "target-1<");
        assertThat(byHelpdesk).contains("target-30", "target-27", "target-3<").doesNotContain("target-29");
        assertThat(byHelpdesk).contains("value=\"HELPDESK\"");
    }

    @Test
    void labelsKnownActionsAndShowsUnknownCodesAsThemselves() throws Exception {
        String english = page(get("/customers/{id}/activity", customer.id()));
        String spanish = page(get("/customers/{id}/activity", customer.id()).header("Accept-Language", "es"));

        assertThat(english).contains("Domains changed", "user.teleported");
        assertThat(spanish).contains("Dominios cambiados", "user.teleported");
    }

    @Test
    void showsTimesInTheAdminsLanguage() throws Exception {
        Instant newest = START.plusSeconds(60L * 30);
        String english = page(get("/customers/{id}/activity", customer.id()).header("Accept-Language", "en"));
        String spanish = page(get("/customers/{id}/activity", customer.id()).header("Accept-Language", "es"));

        String englishTime = formatted(newest, Locale.ENGLISH);
        String spanishTime = formatted(newest, Locale.forLanguageTag("es"));
        assertThat(englishTime).isNotEqualTo(spanishTime);
        assertThat(english).contains(englishTime, "datetime=\"" + newest + "\"");
        assertThat(spanish).contains(spanishTime);
    }

    @Test
    void anUnknownCustomerHasNoActivityTab() throws Exception {
        assertThat(mvc.perform(get("/customers/{id}/activity", UUID.randomUUID()).with(user("sales-7").roles("SALES_AGENT")))
            .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("sales-7").roles("SALES_AGENT"))).andReturn().getResponse()
            .getContentAsString();
    }

    private static String formatted(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC)
            .format(instant);
    }

    private void entry(UUID customerId, Instant at, String actor, String action, String target) {
        jdbc.update("""
                insert into audit_entry (occurred_at, actor, customer_id, action, target, outcome, details)
                values (?, ?, ?, ?, ?, 'SUCCESS', null)
                """, Timestamp.from(at), actor, customerId, action, target);
    }
}
