package com.partnerdesk.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.partnerdesk.directory.internal.CustomerUserPasswordEncoder;
import com.partnerdesk.directory.internal.UserViolations;
import com.partnerdesk.licensing.SeatsExhausted;
import com.partnerdesk.licensing.SubscriptionNotFound;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The set-based creation the form and the CSV import share: all users or none. */
@SpringBootTest
@AutoConfigureMockMvc
class UserCreationTests {

    @Autowired
    UserCreation creation;

    @Autowired
    JdbcTemplate jdbc;

    TestData data;

    TestCustomer customer;

    @BeforeEach
    void setUp() {
        data = new TestData(jdbc);
        customer = data.customer("Bulk Contoso");
    }

    @Test
    void createsManyUsersWithTheirLicensesAndATemporaryPasswordEach() {
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 300);
        List<CreatedUser> created = creation.createAll(customer.id(), users(250, Set.of(e3)));

        assertThat(created).hasSize(250).extracting(CreatedUser::temporaryPassword).doesNotHaveDuplicates();
        assertThat(count("select count(*) from customer_user where customer_id = ? and password_temporary"))
            .isEqualTo(250);
        assertThat(count("select seats_assigned from subscription where customer_id = ?")).isEqualTo(250);
        assertThat(count("select count(*) from audit_entry where customer_id = ? and action = 'user.created'"))
            .isEqualTo(250);
        String hash = jdbc.queryForObject("select password_hash from customer_user where id = ?", String.class,
                created.get(7).id());
        assertThat(CustomerUserPasswordEncoder.matches(created.get(7).temporaryPassword(), hash)).isTrue();
    }

    @Test
    void whenTheSeatsDoNotSufficeNoUserIsCreated() {
        UUID e3 = data.subscription(customer.id(), "SPE_E3", 2);
        assertThatThrownBy(() -> creation.createAll(customer.id(), users(3, Set.of(e3))))
            .isInstanceOf(SeatsExhausted.class);
        assertThat(count("select count(*) from customer_user where customer_id = ?")).isZero();
        assertThat(count("select seats_assigned from subscription where customer_id = ?")).isZero();
        assertThat(count("select count(*) from audit_entry where customer_id = ?")).isZero();
    }

    @Test
    void oneBrokenRuleStopsTheWholeListAndNamesTheUser() {
        List<NewUser> users = new ArrayList<>(users(3, Set.of()));
        users.add(new NewUser(new UserProfile("A", "B", "=cmd", "bad@" + customer.domain(), null, Set.of()), Set.of()));
        users.add(users.get(0));
        UserCreationRefused refused = org.junit.jupiter.api.Assertions.assertThrows(UserCreationRefused.class,
                () -> creation.createAll(customer.id(), users));
        assertThat(refused.violationsOf(3)).extracting(RuleViolation::messageKey).contains("user.name.formulaTrigger");
        assertThat(refused.violationsOf(4)).extracting(RuleViolation::messageKey).contains("create.username.repeated");
        assertThat(refused.violationsOf(0)).isEmpty();
        assertThat(count("select count(*) from customer_user where customer_id = ?")).isZero();
    }

    @Test
    void checkReportsProblemsWithoutCreatingAnything() {
        data.user(customer, "Taken Name", "user1");
        List<UserViolations> problems = creation.check(customer.id(), users(3, Set.of()));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.violations()).extracting(RuleViolation::messageKey).containsExactly("create.username.taken");
        });
        assertThat(count("select count(*) from customer_user where customer_id = ?")).isEqualTo(1);
    }

    @Test
    void aSubscriptionOfAnotherCustomerIsNotFound() {
        UUID theirs = data.subscription(data.customer("Other").id(), "SPE_E3", 10);
        assertThatThrownBy(() -> creation.createAll(customer.id(), users(1, Set.of(theirs))))
            .isInstanceOf(SubscriptionNotFound.class);
        assertThat(count("select count(*) from customer_user where customer_id = ?")).isZero();
    }

    private List<NewUser> users(int count, Set<UUID> subscriptions) {
        List<NewUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(new NewUser(new UserProfile("First" + i, "Last" + i, "User " + i, "user" + i + "@"
                    + customer.domain(), "ES", Set.of()), subscriptions));
        }
        return users;
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class, customer.id());
    }
}
