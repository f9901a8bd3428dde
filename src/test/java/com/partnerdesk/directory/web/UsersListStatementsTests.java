package com.partnerdesk.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.PagePosition;
import com.partnerdesk.directory.internal.UserFilter;
import com.partnerdesk.directory.internal.UserSearch;
import com.partnerdesk.directory.internal.UserSort;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.SubscriptionName;
import com.partnerdesk.support.SignIns;
import com.partnerdesk.support.StatementCounter;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The lists cost the same number of SQL statements whatever the page size, page number or filter: no statement per
 * row; and the database need not plan a page's statement again for every page. (Their speed at 100,000 users is
 * measured by the benchmarks, never asserted here.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class UsersListStatementsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserSearch search;

    @Autowired
    Licensing licensing;

    @Autowired
    Customers customers;

    @Autowired
    PlatformTransactionManager transactions;

    private Cookie session;

    @BeforeEach
    void signIn() throws Exception {
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        session = SignIns.signIn(mvc, admin, TestData.STAFF_PASSWORD, "198.51.100.81").getResponse().getCookies()[0];
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void usersListCostsTheSameStatementsOnEveryPageAndSize() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Counting Contoso");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 300);
        UUID teams = data.subscription(customer.id(), "TEAMS_ESSENTIALS", 300);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            users.add(data.user(customer, "User %03d".formatted(i), "u%03d".formatted(i), i % 50 == 0 ? "GLOBAL_ADMIN" : ""));
        }
        data.assign(customer.id(), e3, users.subList(0, 200));
        data.assign(customer.id(), teams, users.subList(100, 260));
        String list = "/customers/" + customer.id() + "/users";

        long firstPage = statements(list);
        assertThat(firstPage)
            .as("the session, the staff member's account checked against it, the customer with its counters, its "
                    + "subscriptions with theirs, the page's rows")
            .isEqualTo(5);
        assertThat(statements(list + "?page=5")).isEqualTo(firstPage);
        assertThat(statements(list + "?page=11")).isEqualTo(firstPage);
        assertThat(statements(list + "?size=100")).isEqualTo(firstPage);
        assertThat(statements(list + "?size=200&page=2&sort=CREATED_DESC")).isEqualTo(firstPage);
        // The totals of "has license X" and "has no license X" come with the subscriptions, at no statement of their own.
        assertThat(statements(list + "?hasLicense=" + e3)).isEqualTo(firstPage);
        assertThat(statements(list + "?hasLicense=" + e3 + "&page=5")).isEqualTo(firstPage);
        assertThat(statements(list + "?lacksLicense=" + e3 + "&size=100&page=2")).isEqualTo(firstPage);
        assertThat(statements(list + "?page=6&after=" + users.get(130))).isEqualTo(firstPage);
        assertThat(statements(list + "?page=4&before=" + users.get(130))).isEqualTo(firstPage);
        // A total without a counter is not counted for the page: the browser asks /count for it.
        String uncounted = list + "?lacksLicense=" + teams + "&role=GLOBAL_ADMIN&domain=" + customer.domain();
        assertThat(statements(uncounted)).isEqualTo(firstPage);
        assertThat(statements(uncounted + "&page=2&after=" + users.get(0))).isEqualTo(firstPage);
        assertThat(statements(list + "/count?unlicensed=true")).isEqualTo(statements(list + "/count?q=user&page=3"));
    }

    /**
     * The database plans a filtered list's first page once per connection, for this customer, license and domain, and
     * serves that page from the same plan every time after. Were they bound parameters instead, it would plan the
     * statement anew for every page at 100,000 users (about half a millisecond each time: the limit and the customer's
     * size decide the plan), or settle on a plan made for an average customer.
     */
    @Test
    void theDatabasePlansAFilteredListsPageOnceAndServesItFromThatPlanAfter() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Planning Contoso");
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 300);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add(data.user(customer, "Planned %03d".formatted(i), "p%03d".formatted(i)));
        }
        data.assign(customer.id(), e3, users);
        List<SubscriptionName> subscriptions = licensing.subscriptionNamesOf(customer.id());
        CustomerProfile profile = customers.requireProfile(customer.id());
        UserFilter holdersInDomain = new UserFilter(null, e3, null, false, null, customer.domain());

        // One transaction: every request is read on the same connection, whose prepared statements the query below sees.
        List<int[]> plans = new TransactionTemplate(transactions).execute(status -> {
            for (int request = 0; request < 20; request++) {
                search.find(profile, holdersInDomain, UserSort.DISPLAY_NAME, new PagePosition(1, null, null, false),
                        25, subscriptions);
            }
            return jdbc.query("""
                    select generic_plans, custom_plans from pg_prepared_statements
                    where statement like '%page as (%exists (select 1%split_part%' and statement like ?""",
                    (rs, row) -> new int[] { rs.getInt(1), rs.getInt(2) }, "%" + customer.id() + "%");
        });

        assertThat(plans).as("the page's statement, prepared on the server, naming this customer").hasSize(1);
        // The driver prepares a statement on the server from its fifth execution on: 16 of the 20 requests.
        assertThat(plans.get(0)[1]).as("requests the statement was planned for").isZero();
        assertThat(plans.get(0)[0]).as("requests served by the one plan").isEqualTo(16);
    }

    @Test
    void usersListCostsTheSameStatementsWhateverTheNumberOfSubscriptions() {
        TestData data = new TestData(jdbc);
        TestCustomer few = data.customer("One Subscription Contoso");
        data.subscription(few.id(), "SPE_E3", 5);
        TestCustomer many = data.customer("Six Subscriptions Contoso");
        for (String sku : List.of("SPE_E3", "SPE_E5", "SPB", "TEAMS_ESSENTIALS", "POWER_BI_PRO", "VISIOCLIENT")) {
            data.subscription(many.id(), sku, 5);
        }

        assertThat(statements("/customers/" + many.id() + "/users"))
            .isEqualTo(statements("/customers/" + few.id() + "/users"));
    }

    @Test
    void customersListCostsTheSameStatementsWhateverThePageSize() {
        TestData data = new TestData(jdbc);
        for (int i = 0; i < 30; i++) {
            TestCustomer customer = data.customer("Statement Fabrikam");
            data.user(customer, "Ada Admin", "ada");
            data.subscription(customer.id(), "SPE_E3", 5);
        }
        long small = statements("/customers?q=statement+fabrikam&size=5");
        assertThat(statements("/customers?q=statement+fabrikam&size=25")).isEqualTo(small);
        assertThat(statements("/customers?q=statement+fabrikam&size=5&page=3")).isEqualTo(small);
        assertThat(statements("/customers?size=50")).isEqualTo(small);
    }

    /**
     * The statements of a page as a signed-in admin's browser asks for it, session included; the session is one an
     * earlier page has already used, so that nothing in it is still to be written.
     */
    private long statements(String url) {
        return StatementCounter.count(() -> {
            try {
                int status = mvc.perform(get(url).cookie(session)).andReturn().getResponse().getStatus();
                assertThat(status).isEqualTo(200);
            }
            catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });
    }
}
