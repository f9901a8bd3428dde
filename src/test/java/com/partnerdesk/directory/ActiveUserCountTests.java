package com.partnerdesk.directory;

import java.util.UUID;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The number of active users the lists show comes from a counter the database keeps; whatever writes users (the
 * application, an import, plain SQL) keeps it equal to a real count.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActiveUserCountTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserSearch search;

    @Test
    void counterFollowsInsertsSoftDeletesRestoresAndPurges() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Counter Contoso");
        TestCustomer other = data.customer("Counter Fabrikam");
        assertThat(search.activeUsers(customer.id())).isZero();

        UUID ada = data.user(customer, "Ada Admin", "ada");
        UUID bruno = data.user(customer, "Bruno Díaz", "bruno");
        data.user(customer, "Carmen Ruiz", "carmen");
        data.user(other, "Olga Other", "olga");
        jdbc.update("""
                insert into customer_user (customer_id, id, display_name, username, created_at, updated_at)
                select ?, gen_random_uuid(), 'Bulk ' || i, 'bulk' || i || '@' || ?, now(), now()
                from generate_series(1, 500) i
                """, customer.id(), customer.domain());
        assertThat(search.activeUsers(customer.id())).isEqualTo(503).isEqualTo(realCount(customer));
        assertThat(search.activeUsers(other.id())).isEqualTo(1);

        jdbc.update("update customer_user set display_name = 'Ada Lovelace' where id = ?", ada);
        jdbc.update("update customer_user set deleted_at = now(), deleted_by = 'admin' where id in (?, ?)", ada, bruno);
        assertThat(search.activeUsers(customer.id())).isEqualTo(501).isEqualTo(realCount(customer));

        jdbc.update("update customer_user set deleted_at = null, deleted_by = null where id = ?", ada);
        jdbc.update("delete from customer_user where id = ?", bruno);
        jdbc.update("delete from customer_user where customer_id = ? and username like 'bulk%'", customer.id());
        assertThat(search.activeUsers(customer.id())).isEqualTo(2).isEqualTo(realCount(customer));
        assertThat(search.activeUsers(other.id())).isEqualTo(1);
    }

    private long realCount(TestCustomer customer) {
        return jdbc.queryForObject("select count(*) from customer_user where customer_id = ? and deleted_at is null",
                Long.class, customer.id());
    }
}
