package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.partnerdesk.directory.internal.DeletedUserPurge;
import com.partnerdesk.support.StatementCounter;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What the purge leaves in each customer's audit trail: one entry per purged user, written a batch at a time. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class DeletedUserPurgeAuditTests {

    private static final Duration PAST_THE_WINDOW = Duration.ofDays(31);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeletedUserPurge purge;

    @Test
    void everyPurgedUserKeepsOneEntryNamingItInItsOwnCustomersTrail() {
        TestData data = new TestData(jdbc);
        TestCustomer contoso = data.customer("Purge Audit Contoso");
        TestCustomer fabrikam = data.customer("Purge Audit Fabrikam");
        deletedUsers(contoso, 300, PAST_THE_WINDOW);
        deletedUsers(fabrikam, 2, PAST_THE_WINDOW);
        deletedUsers(fabrikam, 1, Duration.ofDays(3));

        long statements = StatementCounter.count(purge::purgeExpired);

        assertThat(purgedEntries(contoso)).hasSize(300)
            .contains("gone1@" + contoso.domain() + "|system|SUCCESS|-", "gone300@" + contoso.domain() + "|system|SUCCESS|-");
        assertThat(purgedEntries(fabrikam))
            .containsExactlyInAnyOrder("gone1@" + fabrikam.domain() + "|system|SUCCESS|-",
                    "gone2@" + fabrikam.domain() + "|system|SUCCESS|-");
        assertThat(jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Integer.class,
                fabrikam.id())).as("the user deleted three days ago can still be restored").isEqualTo(1);
        assertThat(statements).as("audit entries go out in batches, not one statement per user").isLessThan(100);
    }

    private void deletedUsers(TestCustomer customer, int count, Duration ago) {
        int offset = jdbc.queryForObject("select count(*) from customer_user where customer_id = ?", Integer.class,
                customer.id());
        jdbc.update("""
                insert into customer_user (customer_id, id, display_name, username, created_at, updated_at,
                                           deleted_at, deleted_by)
                select ?, gen_random_uuid(), 'Gone ' || n, 'gone' || n || '@' || ?, now(), now(), ?, 'admin'
                from generate_series(?, ?) n
                """, customer.id(), customer.domain(), Timestamp.from(Instant.now().minus(ago)), offset + 1,
                offset + count);
    }

    /** Target, actor, outcome and details of each "user.purged" entry of the customer. */
    private List<String> purgedEntries(TestCustomer customer) {
        return jdbc.queryForList("""
                select target || '|' || actor || '|' || outcome || '|' || coalesce(details, '-') from audit_entry
                where customer_id = ? and action = 'user.purged'
                """, String.class, customer.id());
    }
}
