package com.partnerdesk.support;

import java.util.UUID;

import com.partnerdesk.support.TestData.TestCustomer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates a customer with many users, set-based in a few statements (100,000 users take seconds): varied display
 * names, two domains, a few admins, and licenses spread so that every filter has something to find — about 70 % hold
 * Microsoft 365 E3, 40 % Teams Essentials, 10 % Power BI Pro, and about a sixth hold nothing.
 *
 * @param customer   the generated customer
 * @param e3         the Microsoft 365 E3 subscription
 * @param teams      the Teams Essentials subscription
 * @param powerBi    the Power BI Pro subscription
 * @param secondDomain the customer's second verified domain (every fourth user is in it)
 */
public record LargeCustomer(TestCustomer customer, UUID e3, UUID teams, UUID powerBi, String secondDomain) {

    public static LargeCustomer generate(JdbcTemplate jdbc, int users) {
        TestData data = new TestData(jdbc);
        TestCustomer customer = data.customer("Fabrikam Large");
        String secondDomain = "eu." + customer.domain();
        jdbc.update("insert into customer_domain (customer_id, domain, position) values (?, ?, 1)", customer.id(),
                secondDomain);
        jdbc.update("""
                insert into customer_user (customer_id, id, first_name, last_name, display_name, username,
                                           usage_location, admin_roles, created_at, updated_at)
                select ?, gen_random_uuid(), f, l, f || ' ' || l || ' ' || i,
                       lower(f || '.' || l || '.' || i) || '@' || case when i % 4 = 0 then ? else ? end,
                       'ES',
                       case when i % 500 = 0 then '{GLOBAL_ADMIN}'::text[]
                            when i % 200 = 0 then '{USER_ADMIN,LICENSE_ADMIN}'::text[]
                            else '{}'::text[] end,
                       now() - make_interval(mins => i), now()
                from (select i,
                             (array['Ada','Bruno','Carmen','Dmitri','Elena','Farid','Greta','Hugo','Inés','Jonas',
                                    'Keiko','Lucía','Mateo','Nora','Óscar','Priya','Quentin','Rosa','Sven','Zoë'])
                                 [1 + i % 20] as f,
                             (array['Fernández','García','Okafor','Novak','Müller','Rossi','Kowalski','Silva',
                                    'Nakamura','Dubois','Haddad','Larsen','Moreno','Petrov','Schmidt','Tanaka',
                                    'Vargas','Weber','Yilmaz','Zhang','Andersen','Bianchi','Costa','Dijkstra','Eriksen'])
                                 [1 + (i / 20) % 25] as l
                      from generate_series(1, ?) as i) names
                """, customer.id(), secondDomain, customer.domain(), users);
        UUID e3 = licensed(jdbc, customer.id(), "SPE_E3", users, "abs(hashtext(u.id::text)) % 10 < 7");
        UUID teams = licensed(jdbc, customer.id(), "TEAMS_ESSENTIALS", users, "abs(hashtext(u.id::text || 't')) % 10 < 4");
        UUID powerBi = licensed(jdbc, customer.id(), "POWER_BI_PRO", users, "abs(hashtext(u.id::text || 'p')) % 10 = 0");
        // Fresh statistics and visibility map, as autovacuum would leave them on a running installation, and the
        // generated pages written out: otherwise the next timed checkpoint writes them while the requests are measured.
        jdbc.execute("vacuum analyze");
        jdbc.execute("checkpoint");
        return new LargeCustomer(customer, e3, teams, powerBi, secondDomain);
    }

    private static UUID licensed(JdbcTemplate jdbc, UUID customerId, String sku, int seats, String which) {
        UUID subscription = new TestData(jdbc).subscription(customerId, sku, seats);
        jdbc.update("""
                insert into license_assignment (customer_id, user_id, subscription_id, assigned_at)
                select u.customer_id, u.id, ?, now() from customer_user u where u.customer_id = ? and
                """ + which, subscription, customerId);
        return subscription;
    }
}
