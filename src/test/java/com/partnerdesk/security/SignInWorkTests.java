package com.partnerdesk.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.UserCreation;
import com.partnerdesk.directory.UserProfile;
import com.partnerdesk.support.SignIns;
import com.partnerdesk.support.TestData;
import com.partnerdesk.support.TestData.TestCustomer;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every way a sign-in can be answered, at both doors, costs the same work: exactly one check against a work-factor
 * (bcrypt) hash, counted on the application's password encoder. Whether the username exists, holds a temporary
 * password or its own, whether the password is right, or the account is locked, then cannot be told from the time the
 * answer takes. (The times themselves are measured in docs/benchmarks.md.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInWorkTests {

    @MockitoSpyBean
    PasswordEncoder encoder;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    final String address1 = randomAddress();

    final String address2 = randomAddress();

    final String address3 = randomAddress();

    final String address4 = randomAddress();

    @Autowired
    UserCreation creation;

    @Test
    void everyStaffSignInPathCostsOneWorkFactorCheck() throws Exception {
        TestData data = new TestData(jdbc);
        String member = data.staff("HELPDESK_AGENT");
        String locked = data.staff("HELPDESK_AGENT");
        for (int i = 0; i < 5; i++) {
            SignIns.signIn(mvc, locked, "wrong " + i, address2);
        }
        Map<String, Long> checks = new LinkedHashMap<>();

        checks.put("unknown username", staff("nobody-" + member, "anything", address1));
        checks.put("own password, wrong", staff(member, "wrong", address1));
        checks.put("own password, right", staff(member, TestData.STAFF_PASSWORD, address1));
        checks.put("locked account", staff(locked, TestData.STAFF_PASSWORD, address2));

        assertThat(checks).as("work-factor checks per sign-in path").allSatisfy((path, count) -> assertThat(count)
            .as(path).isEqualTo(1));
    }

    @Test
    void everyCustomerUserSignInPathCostsOneWorkFactorCheck() throws Exception {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Sign In Work");
        CreatedUser fresh = createUser(customer, "fresh");
        CreatedUser expired = createUser(customer, "expired");
        jdbc.update("update customer_user set password_expires_at = now() - interval '1 minute' where id = ?",
                expired.id());
        CreatedUser settled = createUser(customer, "settled");
        String own = "a long passphrase of my own";
        jdbc.update("update customer_user set password_hash = ?, password_temporary = false, password_expires_at = null"
                + " where id = ?", encoder.encode(own), settled.id());
        CreatedUser locked = createUser(customer, "locked");
        for (int i = 0; i < 5; i++) {
            customerUser(locked.username(), "wrong " + i, address4);
        }
        data.user(customer, "Never Signed In", "nopassword");
        Map<String, Long> checks = new LinkedHashMap<>();

        checks.put("unknown username", customerUser("nobody@" + customer.domain(), "anything", address3));
        checks.put("user without a password", customerUser("nopassword@" + customer.domain(), "x", address3));
        checks.put("temporary password, wrong", customerUser(fresh.username(), "wrong", address3));
        checks.put("temporary password, right", customerUser(fresh.username(), fresh.temporaryPassword(),
                address3));
        checks.put("temporary password, right but expired", customerUser(expired.username(),
                expired.temporaryPassword(), address3));
        checks.put("own password, wrong", customerUser(settled.username(), "wrong", address3));
        checks.put("own password, right", customerUser(settled.username(), own, address3));
        checks.put("locked account", customerUser(locked.username(), locked.temporaryPassword(), address4));

        assertThat(checks).as("work-factor checks per sign-in path").allSatisfy((path, count) -> assertThat(count)
            .as(path).isEqualTo(1));
    }

    private CreatedUser createUser(TestCustomer customer, String localPart) {
        return creation.create(customer.id(), new NewUser(new UserProfile("Work", localPart, "Work " + localPart,
                localPart + "@" + customer.domain(), "GB", Set.of()), Set.of()));
    }

    private long staff(String username, String password, String address) throws Exception {
        Mockito.clearInvocations(encoder);
        SignIns.signIn(mvc, username, password, address);
        return workFactorChecks();
    }

    private long customerUser(String username, String password, String address) throws Exception {
        Mockito.clearInvocations(encoder);
        mvc.perform(post("/my/sign-in").param("username", username).param("password", password).with(csrf())
            .with(SignIns.from(address))).andReturn();
        return workFactorChecks();
    }

    private long workFactorChecks() {
        return Mockito.mockingDetails(encoder).getInvocations().stream()
            .filter(invocation -> invocation.getMethod().getName().equals("matches"))
            .count();
    }

    private static String randomAddress() {
        ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
