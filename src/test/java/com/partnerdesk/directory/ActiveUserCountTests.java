package com.partnerdesk.directory;

import java.util.UUID;

import com.partnerdesk.customer.Customers;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbers of active and deleted users the pages show come from counters the database keeps; whatever writes users
 * (the application, an import, plain SQL) keeps them equal to a real count.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActiveUserCountTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Customers customers;

    @Test
    void counterFollowsInsertsSoftDeletesRestoresAndPurges() {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Counter Contoso");
        TestCustomer other = data.customer("Counter Fabrikam");
        assertThat(active(customer)).isZero();

        UUID ada = data.user(customer, "Ada Admin", "ada");
        UUID bruno = data.user(customer, "Bruno Díaz", "bruno");
        data.user(customer, "Carmen Ruiz", "carmen");
        data.user(other, "Olga Other", "olga");
        jdbc.update("""
                insert into customer_user (customer_id, id, display_name, username, created_at, updated_at)
                select ?, gen_random_uuid(), 'Bulk ' || i, 'bulk' || i || '@' || ?, now(), now()
                from generate_series(1, 500) i
                """, customer.id(), customer.domain());
        assertThat(active(customer)).isEqualTo(503).isEqualTo(realCount(customer));
        assertThat(active(other)).isEqualTo(1);

        jdbc.update("update customer_user set display_name = 'Ada Lovelace' where id = ?", ada);
        jdbc.update("update customer_user set deleted_at = now(), deleted_by = 'admin' where id in (?, ?)", ada, bruno);
        assertThat(active(customer)).isEqualTo(501).isEqualTo(realCount(customer));
        assertThat(deleted(customer)).isEqualTo(2).isEqualTo(realDeletedCount(customer));
        assertThat(deleted(other)).isZero();

        jdbc.update("update customer_user set deleted_at = null, deleted_by = null where id = ?", ada);
        jdbc.update("delete from customer_user where id = ?", bruno);
        jdbc.update("delete from customer_user where customer_id = ? and username like 'bulk%'", customer.id());
        assertThat(active(customer)).isEqualTo(2).isEqualTo(realCount(customer));
        assertThat(deleted(customer)).isZero().isEqualTo(realDeletedCount(customer));
        assertThat(active(other)).isEqualTo(1);

        // Users written as deleted, and deleted ones purged in bulk, as the purge job does.
        jdbc.update("""
                insert into customer_user (customer_id, id, display_name, username, created_at, updated_at, deleted_at,
                                           deleted_by)
                select ?, gen_random_uuid(), 'Gone ' || i, 'gone' || i || '@' || ?, now(), now(), now(), 'admin'
                from generate_series(1, 30) i
                """, other.id(), other.domain());
        assertThat(deleted(other)).isEqualTo(30).isEqualTo(realDeletedCount(other));
        jdbc.update("delete from customer_user where customer_id = ? and username like 'gone1%'", other.id());
        assertThat(deleted(other)).isEqualTo(19).isEqualTo(realDeletedCount(other));
        assertThat(active(other)).isEqualTo(1);
    }

    private long active(TestCustomer customer) {
        return customers.requireProfile(customer.id()).activeUsers();
    }

    private long deleted(TestCustomer customer) {
        return customers.requireProfile(customer.id()).deletedUsers();
    }

    private long realDeletedCount(TestCustomer customer) {
        return jdbc.queryForObject("select count(*) from customer_user where customer_id = ? and deleted_at is not null",
                Long.class, customer.id());
    }

    private long realCount(TestCustomer customer) {
        return jdbc.queryForObject("select count(*) from customer_user where customer_id = ? and deleted_at is null",
                Long.class, customer.id());
    }
}
