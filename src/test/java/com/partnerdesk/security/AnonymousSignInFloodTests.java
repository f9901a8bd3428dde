package com.partnerdesk.security;

import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static com.partnerdesk.support.SignIns.from;
import static com.partnerdesk.support.SignIns.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A scripted flood of sign-ins with made-up usernames, the way an anonymous visitor would try to fill the disk: the
 * rows it leaves behind stay a small number whatever the number of attempts, and real actions are still recorded one
 * by one. Each test floods from a range of TEST-NET-1 (198.18.1.0/24 and up) of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnonymousSignInFloodTests {

    // Fifteen times the address's limit shows the rows stop growing; each locked attempt costs a decoy bcrypt check.
    private static final int ATTEMPTS = 300;

    private static final String WRONG = "not the password";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFloodOfSignInsWithUnknownUsernamesAtTheStaffDoorLeavesAFewRows() throws Exception {
        String address = "198.18.1.7";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            signIn(mvc, "flood-staff-" + attempt, WRONG, address);
        }

        assertThat(count("select count(*) from audit_entry where details like ?", "address=" + address + "%"))
            .as("audit entries of the refused attempts").isZero();
        assertThat(count("select count(*) from sign_in_throttle where subject like 'account:flood-staff-%'"))
            .as("throttle rows of the made-up usernames: at most the address's limit")
            .isLessThanOrEqualTo(20);
        assertThat(count("select count(*) from sign_in_throttle where subject = ?", "address:" + address)).isOne();
        assertThat(count("select count(*) from sign_in_refusal where address_range = '198.18.1.0/24'"))
            .as("aggregated rows: one per reason (unknown username, locked) and hour")
            .isBetween(1L, 4L);
        assertThat(count("select sum(attempts) from sign_in_refusal where address_range = '198.18.1.0/24'"))
            .isEqualTo(ATTEMPTS);
    }

    @Test
    void aFloodOfSignInsWithUnknownUsernamesAtTheCustomerUsersDoorLeavesAFewRows() throws Exception {
        TestCustomer contoso = new TestData(jdbc).customer("Flood Contoso");
        String address = "198.18.2.7";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            mvc.perform(post("/my/sign-in").param("username", "flood-" + attempt + "@" + contoso.domain())
                .param("password", WRONG)
                .with(csrf())
                .with(from(address))).andReturn();
        }

        assertThat(count("select count(*) from audit_entry where details like ?", "address=" + address + "%"))
            .as("audit entries of the refused attempts").isZero();
        assertThat(count("select count(*) from sign_in_throttle where subject like 'customer-user:flood-%'"))
            .as("throttle rows of the made-up usernames: at most the address's limit")
            .isLessThanOrEqualTo(20);
        assertThat(count("select count(*) from sign_in_refusal where address_range = '198.18.2.0/24'"))
            .isBetween(1L, 4L);
        assertThat(count("select sum(attempts) from sign_in_refusal where address_range = '198.18.2.0/24'"))
            .isEqualTo(ATTEMPTS);
    }

    @Test
    void realSignInsAndWrongPasswordsOfRealAccountsAreStillAuditedOneByOneAfterAFlood() throws Exception {
        String address = "198.18.3.7";
        for (int attempt = 0; attempt < 100; attempt++) {
            signIn(mvc, "flood-real-" + attempt, WRONG, address);
        }
        String admin = new TestData(jdbc).staff("ADMIN_AGENT");
        String elsewhere = "198.18.4.7";

        signIn(mvc, admin, WRONG, elsewhere);
        signIn(mvc, admin, TestData.STAFF_PASSWORD, elsewhere);

        assertThat(jdbc.queryForList("select action || '|' || details from audit_entry where actor = ? order by id",
                String.class, admin)).containsExactly(
                "staff.sign-in-failed|address=" + elsewhere,
                "staff.signed-in|address=" + elsewhere);
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
