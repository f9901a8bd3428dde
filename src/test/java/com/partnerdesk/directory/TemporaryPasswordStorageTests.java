package com.partnerdesk.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.partnerdesk.directory.internal.PasswordResets;
import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.security.StaffRole;
import com.partnerdesk.support.TestData.TestCustomer;
import com.partnerdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After users are created, reset and handed off, the database holds hashes and ciphertext only: no text column of any
 * table contains a temporary password, and no binary column contains one either.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TemporaryPasswordStorageTests {

    @Autowired
    UserCreation creation;

    @Autowired
    PasswordResets resets;

    @Autowired
    PasswordHandoffs handoffs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theStoredCredentialIsAHashAndNoTemporaryPasswordAppearsInAnyTable() {
        TestCustomer customer = new TestData(jdbc).customer("Storage Contoso");
        List<CreatedUser> created = creation.createAll(customer.id(), List.of(
                new NewUser(new UserProfile("Ada", "L", "Ada L", "ada@" + customer.domain(), null, Set.of()), Set.of()),
                new NewUser(new UserProfile("Bo", "M", "Bo M", "bo@" + customer.domain(), null, Set.of()), Set.of())));
        List<CreatedUser> reset = resets.reset(customer.id(), List.of(created.get(0).id()), StaffRole.ADMIN_AGENT);
        List<String> passwords = new ArrayList<>();
        created.forEach(u -> passwords.add(u.temporaryPassword()));
        reset.forEach(u -> passwords.add(u.temporaryPassword()));
        handoffs.open(customer.id(), "alex", created.stream()
            .map(u -> new IssuedCredential(u.displayName(), u.username(), u.temporaryPassword())).toList());

        for (CreatedUser user : created) {
            String hash = jdbc.queryForObject("select password_hash from customer_user where id = ?", String.class,
                    user.id());
            assertThat(hash).startsWith("{tmp-sha256}");
        }

        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public'
                  and data_type in ('text', 'character varying', 'character', 'bytea', 'ARRAY', 'json', 'jsonb')
                """);
        assertThat(columns).extracting(c -> c.get("table_name")).contains("customer_user", "audit_entry",
                "password_handoff", "spring_session_attributes");
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String asText = "bytea".equals(column.get("data_type")) ? "encode(\"" + name + "\", 'escape')"
                    : "cast(\"" + name + "\" as text)";
            for (String password : passwords) {
                Integer hits = jdbc.queryForObject("select count(*) from \"" + table + "\" where position(? in " + asText
                        + ") > 0", Integer.class, password);
                assertThat(hits).as("%s.%s holds a temporary password", table, name).isZero();
            }
        }
    }

    @Test
    void auditEntriesNameTheUsersButNeverThePasswords() {
        TestCustomer customer = new TestData(jdbc).customer("Audit Contoso");
        CreatedUser user = creation.create(customer.id(), new NewUser(new UserProfile("Ada", "L", "Ada L",
                "ada@" + customer.domain(), null, Set.of()), Set.of()));
        UUID id = user.id();
        resets.reset(customer.id(), List.of(id), StaffRole.ADMIN_AGENT);
        assertThat(jdbc.queryForList("select action from audit_entry where customer_id = ? and target = ?",
                String.class, customer.id(), user.username())).contains("user.created", "user.password-reset");
    }
}
