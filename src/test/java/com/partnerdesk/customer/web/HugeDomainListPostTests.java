package com.partnerdesk.customer.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.support.HttpVisitor;
import com.partnerdesk.support.HttpVisitor.Response;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A domain list of a megabyte, the shape that once kept a request thread busy for minutes, posted over HTTP: refused
 * for the role before anything is read, explained by its length to an Admin agent, and nothing is saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HugeDomainListPostTests {

    /** Only a guard that the answer comes at all; docs/benchmarks.md has what it costs. */
    private static final Duration FINISHES = Duration.ofSeconds(10);

    /** A valid domain, then a run of spaces that ends in a character no domain has. */
    private static final String ADVERSARIAL = "contoso.example" + " ".repeat(1_000_000) + "!";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHelpdeskAgentIsRefusedAtOnce() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Huge Post");
        HttpVisitor helpdesk = HttpVisitor.at(port, "en").signIn("/sign-in", data.staff("HELPDESK_AGENT"),
                TestData.STAFF_PASSWORD);
        Map<String, String> form = helpdesk.get("/customers").csrfField();
        form.put("companyName", "Huge " + UUID.randomUUID());
        form.put("domains", ADVERSARIAL);

        Response created = assertTimeoutPreemptively(FINISHES, () -> helpdesk.post("/customers/new", form));
        Response changed = assertTimeoutPreemptively(FINISHES,
                () -> helpdesk.post("/customers/" + customer.id() + "/domains", form));

        assertThat(created.status()).isEqualTo(403);
        assertThat(changed.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from customer where company_name = ?", Long.class,
                form.get("companyName"))).isZero();
        assertThat(jdbc.queryForList("select domain from customer_domain where customer_id = ?", String.class,
                customer.id())).containsExactly(customer.domain());
    }

    @Test
    void anAdminAgentIsToldTheListIsTooLongInEitherLanguage() throws Exception {
        TestData data = new TestData(jdbc);
        String admin = data.staff("ADMIN_AGENT");
        TestCustomer customer = data.customer("Huge Domains");
        for (String[] language : new String[][] {
                { "en", "The list of domains can have at most 10,000 characters." },
                { "es", "La lista de dominios puede tener como máximo 10.000 caracteres." } }) {
            HttpVisitor visitor = HttpVisitor.at(port, language[0]).signIn("/sign-in", admin, TestData.STAFF_PASSWORD);
            Map<String, String> form = visitor.get("/customers/new").csrfField();
            form.put("companyName", "Huge " + UUID.randomUUID());
            form.put("domains", ADVERSARIAL);

            Response created = assertTimeoutPreemptively(FINISHES, () -> visitor.post("/customers/new", form));
            Response changed = assertTimeoutPreemptively(FINISHES,
                    () -> visitor.post("/customers/" + customer.id() + "/domains", form));

            assertThat(created.status()).isEqualTo(200);
            assertThat(created.body()).contains(language[1]);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body()).contains(language[1]);
            assertThat(jdbc.queryForObject("select count(*) from customer where company_name = ?", Long.class,
                    form.get("companyName"))).isZero();
        }
        assertThat(jdbc.queryForList("select domain from customer_domain where customer_id = ?", String.class,
                customer.id())).containsExactly(customer.domain());
    }

    /** Over server.tomcat.max-http-form-post-size the server answers "too large" without parsing the form. */
    @Test
    void aPostOverTheServersFormLimitIsRefusedUnread() throws Exception {
        TestData data = new TestData(jdbc);
        HttpVisitor admin = HttpVisitor.at(port, "en").signIn("/sign-in", data.staff("ADMIN_AGENT"),
                TestData.STAFF_PASSWORD);
        Map<String, String> form = admin.get("/customers/new").csrfField();
        form.put("companyName", "Too Large " + UUID.randomUUID());
        form.put("domains", "contoso.example" + " ".repeat(2 * 1024 * 1024) + "!");

        Response created = assertTimeoutPreemptively(FINISHES, () -> admin.post("/customers/new", form));

        assertThat(created.status()).isEqualTo(413);
        assertThat(jdbc.queryForObject("select count(*) from customer where company_name = ?", Long.class,
                form.get("companyName"))).isZero();
    }
}
