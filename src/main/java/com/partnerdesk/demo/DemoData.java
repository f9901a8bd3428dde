package com.partnerdesk.demo;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerdesk.platform.EmbeddedPostgresLauncher;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo installation once, on an empty database, and tells the console where and how to sign in.
 * <p>
 * Staff passwords come from {@code PARTNERDESK_ADMIN_PASSWORD}, {@code PARTNERDESK_HELPDESK_PASSWORD} and
 * {@code PARTNERDESK_SALES_PASSWORD} when set (and are then applied at every start), otherwise they are generated at
 * the first start and printed that once: only their hashes are kept. They are printed on the console itself, not
 * logged, so that no log file or log collector keeps them.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final PasswordEncoder passwordEncoder;

    private final Environment environment;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    DemoData(JdbcTemplate jdbc, TransactionTemplate transaction, PasswordEncoder passwordEncoder,
            Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.passwordEncoder = passwordEncoder;
        this.environment = environment;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAndAnnounce() {
        boolean enabled = environment.getProperty("partnerdesk.demo.enabled", Boolean.class,
                EmbeddedPostgresLauncher.isActive(environment));
        if (!enabled) {
            return;
        }
        Map<String, String> printable = transaction.execute(status -> seedStaff());
        transaction.executeWithoutResult(status -> seedCustomersOnce());
        announce(printable);
    }

    /** @return the passwords that can be shown now: generated ones at the first start only */
    private Map<String, String> seedStaff() {
        Instant now = clock.instant();
        UUID partnerId = jdbc.query("select id from partner", (rs, row) -> rs.getObject(1, UUID.class))
            .stream()
            .findFirst()
            .orElseGet(() -> {
                UUID id = UUID.randomUUID();
                jdbc.update("insert into partner (id, name) values (?, ?)", id, "Litware Cloud Partners");
                return id;
            });
        Map<String, String> printable = new LinkedHashMap<>();
        staff(partnerId, "admin", "Alex Admin", "ADMIN_AGENT", "PARTNERDESK_ADMIN_PASSWORD", now, printable);
        staff(partnerId, "helpdesk", "Harper Helpdesk", "HELPDESK_AGENT", "PARTNERDESK_HELPDESK_PASSWORD", now,
                printable);
        staff(partnerId, "sales", "Sam Sales", "SALES_AGENT", "PARTNERDESK_SALES_PASSWORD", now, printable);
        return printable;
    }

    private void staff(UUID partnerId, String username, String displayName, String role, String passwordVariable,
            Instant now, Map<String, String> printable) {
        String fromEnvironment = environment.getProperty(passwordVariable);
        boolean exists = Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from staff_member where lower(username) = ?", Boolean.class, username));
        if (exists) {
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                jdbc.update("update staff_member set password_hash = ? where lower(username) = ?",
                        passwordEncoder.encode(fromEnvironment), username);
                printable.put(username, "(" + passwordVariable + ")");
            }
            else {
                printable.put(username, "(printed at first start; set " + passwordVariable + " to choose one)");
            }
            return;
        }
        String password = fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : generatePassword();
        jdbc.update("""
                insert into staff_member (id, partner_id, username, display_name, email, role, password_hash, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, UUID.randomUUID(), partnerId, username, displayName, username + "@litware.example", role,
                passwordEncoder.encode(password), Timestamp.from(now));
        printable.put(username, fromEnvironment != null && !fromEnvironment.isBlank() ? "(" + passwordVariable + ")"
                : password);
    }

    private String generatePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private void seedCustomersOnce() {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from customer", Boolean.class))) {
            return;
        }
        Instant now = clock.instant();
        UUID contoso = customer("Contoso", now, "contoso.example");
        Map<String, UUID> contosoSubscriptions = subscriptions(contoso, now,
                Map.of("SPE_E3", 12, "SPB", 5, "POWER_BI_PRO", 3, "TEAMS_ESSENTIALS", 20));
        List<UUID> contosoUsers = new ArrayList<>();
        contosoUsers.add(user(contoso, "Megan", "Bowen", "meganb@contoso.example", "US", "{GLOBAL_ADMIN}", now));
        contosoUsers.add(user(contoso, "Alex", "Wilber", "alexw@contoso.example", "US", "{}", now));
        contosoUsers.add(user(contoso, "Lucía", "Fernández", "lucia.fernandez@contoso.example", "ES", "{USER_ADMIN}", now));
        contosoUsers.add(user(contoso, "Adele", "Vance", "adelev@contoso.example", "GB", "{}", now));
        contosoUsers.add(user(contoso, "Diego", "Siciliani", "diegos@contoso.example", "ES", "{}", now));
        contosoUsers.add(user(contoso, "Grady", "Archie", "gradya@contoso.example", null, "{}", now));
        assign(contoso, contosoSubscriptions.get("SPE_E3"), contosoUsers.subList(0, 5), now);
        assign(contoso, contosoSubscriptions.get("SPB"), contosoUsers.subList(0, 4), now);
        assign(contoso, contosoSubscriptions.get("POWER_BI_PRO"), contosoUsers.subList(0, 2), now);

        UUID fabrikam = customer("Fabrikam, Inc.", now, "fabrikam.example", "fabrikam-eu.example");
        Map<String, UUID> fabrikamSubscriptions = subscriptions(fabrikam, now,
                Map.of("SPE_E5", 4200, "EXCHANGESTANDARD", 900, "VISIOCLIENT", 150, "POWER_BI_PRO", 400));
        List<UUID> fabrikamUsers = manyUsers(fabrikam, 5000, now);
        assign(fabrikam, fabrikamSubscriptions.get("SPE_E5"), fabrikamUsers.subList(0, 4150), now);
        assign(fabrikam, fabrikamSubscriptions.get("EXCHANGESTANDARD"), fabrikamUsers.subList(4150, 5000), now);
        assign(fabrikam, fabrikamSubscriptions.get("VISIOCLIENT"), fabrikamUsers.subList(0, 149), now);
        assign(fabrikam, fabrikamSubscriptions.get("POWER_BI_PRO"), fabrikamUsers.subList(100, 400), now);

        UUID northwind = customer("Northwind Traders", now, "northwind.example");
        Map<String, UUID> northwindSubscriptions = subscriptions(northwind, now,
                Map.of("O365_BUSINESS_PREMIUM", 30, "EXCHANGESTANDARD", 10));
        List<UUID> northwindUsers = new ArrayList<>();
        for (String[] person : new String[][] { { "Nancy", "Davolio" }, { "Andrew", "Fuller" },
                { "Janet", "Leverling" }, { "Margaret", "Peacock" }, { "Steven", "Buchanan" } }) {
            northwindUsers.add(user(northwind, person[0], person[1],
                    person[0].toLowerCase() + "." + person[1].toLowerCase() + "@northwind.example", "GB", "{}", now));
        }
        assign(northwind, northwindSubscriptions.get("O365_BUSINESS_PREMIUM"), northwindUsers, now);

        UUID adventure = customer("Adventure Works Cycles", now, "adventure-works.example");
        subscriptions(adventure, now, Map.of("O365_BUSINESS_ESSENTIALS", 50, "TEAMS_ESSENTIALS", 50));
        UUID tailspin = customer("Tailspin Toys", now, "tailspintoys.example");
        subscriptions(tailspin, now, Map.of("SPE_E3", 0));
        customer("Wide World Importers", now, "wideworldimporters.example");
        log.info("Demo data seeded: 6 customers, among them Contoso (contoso.example) and Fabrikam with 5,000 users");
    }

    private UUID customer(String name, Instant now, String... domains) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into customer (id, company_name, created_at, updated_at) values (?, ?, ?, ?)", id, name,
                Timestamp.from(now), Timestamp.from(now));
        for (int i = 0; i < domains.length; i++) {
            jdbc.update("insert into customer_domain (customer_id, domain, position) values (?, ?, ?)", id, domains[i],
                    i);
        }
        return id;
    }

    private Map<String, UUID> subscriptions(UUID customerId, Instant now, Map<String, Integer> seatsBySku) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        seatsBySku.forEach((sku, seats) -> {
            UUID id = UUID.randomUUID();
            jdbc.update("""
                    insert into subscription (customer_id, id, product_sku, seats_total, seats_assigned, created_at)
                    values (?, ?, ?, ?, 0, ?)
                    """, customerId, id, sku, seats, Timestamp.from(now));
            ids.put(sku, id);
        });
        return ids;
    }

    private UUID user(UUID customerId, String first, String last, String username, String usageLocation,
            String roles, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into customer_user (customer_id, id, first_name, last_name, display_name, username,
                                           usage_location, admin_roles, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as text[]), ?, ?)
                """, customerId, id, first, last, first + " " + last, username, usageLocation, roles,
                Timestamp.from(now), Timestamp.from(now));
        return id;
    }

    private static final String[] FIRST_NAMES = { "Ana", "Ben", "Carmen", "David", "Elena", "Farid", "Grace", "Hugo",
            "Irene", "Jonas", "Kenji", "Laura", "Mateo", "Nora", "Óscar", "Paula", "Quentin", "Rosa", "Sven", "Tomás",
            "Uma", "Víctor", "Wen", "Ximena", "Yusuf", "Zoë" };

    private static final String[] LAST_NAMES = { "García", "Smith", "Müller", "Rossi", "Dubois", "Kowalski", "Silva",
            "Nakamura", "Andersen", "O'Brien", "López", "Novák", "Jensen", "Martín", "Khan", "Berg", "Costa", "Ivanova",
            "Sánchez", "Wright" };

    private List<UUID> manyUsers(UUID customerId, int count, Instant now) {
        List<UUID> ids = new ArrayList<>(count);
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = FIRST_NAMES[i % FIRST_NAMES.length];
            String last = LAST_NAMES[(i / FIRST_NAMES.length) % LAST_NAMES.length];
            String local = ascii(first) + "." + ascii(last) + "." + (i + 1);
            String domain = i % 10 == 0 ? "fabrikam-eu.example" : "fabrikam.example";
            String roles = i % 500 == 0 ? "{USER_ADMIN}" : (i == 1 ? "{GLOBAL_ADMIN}" : "{}");
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(new Object[] { customerId, id, first, last, first + " " + last, local + "@" + domain,
                    i % 7 == 0 ? "DE" : "US", roles, Timestamp.from(now.minusSeconds(60L * (count - i))),
                    Timestamp.from(now) });
        }
        jdbc.batchUpdate("""
                insert into customer_user (customer_id, id, first_name, last_name, display_name, username,
                                           usage_location, admin_roles, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as text[]), ?, ?)
                """, rows);
        return ids;
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("[^A-Za-z]", "")
            .toLowerCase();
    }

    private void assign(UUID customerId, UUID subscriptionId, List<UUID> userIds, Instant now) {
        jdbc.update("""
                insert into license_assignment (customer_id, user_id, subscription_id, assigned_at)
                select ?, unnest(?), ?, ?
                """, customerId, userIds.toArray(UUID[]::new), subscriptionId, Timestamp.from(now));
    }

    private void announce(Map<String, String> passwords) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder message = new StringBuilder("\n\n  PartnerDesk is running: http://localhost:").append(port)
            .append("/\n  Sign in with one of the demo staff accounts:\n");
        passwords.forEach((username, password) -> message.append("    ")
            .append(String.format("%-9s", username))
            .append(" password: ")
            .append(password)
            .append('\n'));
        System.out.println(message);
        System.out.flush();
        log.info("Demo staff accounts admin, helpdesk and sales are ready; how to sign in is printed on the console");
    }
}
