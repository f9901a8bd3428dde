package com.partnerdesk.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.partnerdesk.audit.AuditLine;
import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.customer.Customer;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.CustomerUserPasswordEncoder;
import com.partnerdesk.directory.internal.DirectorySettings;
import com.partnerdesk.directory.internal.DirectoryUserRepository;
import com.partnerdesk.directory.internal.TemporaryPasswords;
import com.partnerdesk.directory.internal.UserViolations;
import com.partnerdesk.directory.internal.UsernameClaims;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.SeatsExhausted;
import com.partnerdesk.licensing.Subscription;
import com.partnerdesk.licensing.SubscriptionNotFound;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates user accounts, one or thousands at a time, the same way for the Add user form and the CSV import: every user
 * is checked with {@link UserAccountRules} and for a free username (across customers, through {@link UsernameClaims}),
 * all are inserted with JDBC batches, their licenses are taken through the seat guard, and each gets a temporary
 * password that is returned once and stored only as a hash. Either all users are created or none.
 */
@Service
public class UserCreation {

    private final Customers customers;

    private final UserAccountRules rules;

    private final DirectoryUserRepository users;

    private final Licensing licensing;

    private final TemporaryPasswords temporaryPasswords;

    private final AuditTrail audit;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final DirectorySettings settings;

    private final UsernameClaims claims;

    UserCreation(Customers customers, UserAccountRules rules, DirectoryUserRepository users, Licensing licensing,
            TemporaryPasswords temporaryPasswords, AuditTrail audit, JdbcTemplate jdbc, Clock clock,
            DirectorySettings settings, UsernameClaims claims) {
        this.customers = customers;
        this.rules = rules;
        this.users = users;
        this.licensing = licensing;
        this.temporaryPasswords = temporaryPasswords;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.claims = claims;
    }

    /**
     * What is wrong with each of the users, without creating any: the shared rules, usernames repeated within the
     * list, usernames already taken in the customer, by an active user or by a deleted one that can still be
     * restored, and usernames taken in another customer's directory (whose holder is never named). Users without
     * problems are not listed.
     * <p>
     * Who holds a name is read from the claims alone, by primary key: every active user holds the claim on its name.
     * Asking {@code customer_user} instead cost a scan of the customer's users per chunk of an import, because within
     * the import's transaction the planner still believes the customer has none (docs/benchmarks.md).
     */
    @Transactional(readOnly = true)
    public List<UserViolations> check(UUID customerId, List<NewUser> newUsers) {
        Customer customer = customers.require(customerId);
        Map<String, UsernameClaims.Holder> holders = claims.holders(newUsers.stream()
            .map(u -> u.profile().username())
            .filter(u -> u != null && !u.isBlank())
            .map(String::strip)
            .toList());
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        List<UserViolations> problems = new ArrayList<>();
        for (int index = 0; index < newUsers.size(); index++) {
            NewUser newUser = newUsers.get(index);
            UserProfile profile = newUser.profile();
            List<RuleViolation> violations = new ArrayList<>(rules.check(profile, customer.getDomains()));
            rules.checkLicensable(profile, newUser.subscriptionIds()).ifPresent(violations::add);
            String username = profile.username() == null ? null : profile.username().strip();
            if (username != null && !username.isBlank()) {
                UsernameClaims.Holder holder = holders.get(username);
                switch (UsernameClaims.takenFrom(holder, customerId, null, now, settings.restoreWindow())) {
                    case ELSEWHERE -> violations.add(RuleViolation.of(UserField.USERNAME,
                            "create.username.takenElsewhere", username));
                    case BY_RESTORABLE_USER -> violations.add(RuleViolation.of(UserField.USERNAME,
                            "create.username.takenByDeletedUser", profile.username(),
                            Date.from(holder.deletedAt().plus(settings.restoreWindow()))));
                    case BY_ACTIVE_USER -> violations.add(RuleViolation.of(UserField.USERNAME,
                            "create.username.taken", profile.username()));
                    case FREE -> {
                        if (!seen.add(username.toLowerCase(Locale.ROOT))) {
                            violations.add(RuleViolation.of(UserField.USERNAME, "create.username.repeated",
                                    profile.username()));
                        }
                    }
                }
            }
            if (!violations.isEmpty()) {
                problems.add(new UserViolations(index, violations));
            }
        }
        return problems;
    }

    /**
     * Creates all the users with their licenses in the caller's transaction (or a new one), with one audit entry per
     * user.
     * @return each user with its temporary password, in the order given
     * @throws UserCreationRefused when any user breaks a rule; nothing is created
     * @throws SeatsExhausted when the licenses do not fit; nothing is created
     * @throws SubscriptionNotFound for a subscription of another customer
     */
    @Transactional
    public List<CreatedUser> createAll(UUID customerId, List<NewUser> newUsers) {
        return createAll(customerId, newUsers, CreationAudit.EACH_USER);
    }

    /**
     * Creates all the users as {@link #createAll(UUID, List)} does; with {@link CreationAudit#BY_CALLER} it writes no
     * audit entry, and the caller, which must hold the transaction, records its own. A caller creating a large list in
     * chunks calls this once per chunk within one transaction, so that all chunks commit or none.
     */
    @Transactional
    public List<CreatedUser> createAll(UUID customerId, List<NewUser> newUsers, CreationAudit audited) {
        Set<UUID> subscriptionIds = newUsers.stream()
            .flatMap(u -> u.subscriptionIds().stream())
            .collect(Collectors.toSet());
        Map<UUID, Subscription> subscriptions = licensing.requireSubscriptions(customerId, subscriptionIds)
            .stream()
            .collect(Collectors.toMap(Subscription::getId, s -> s));
        List<UserViolations> problems = check(customerId, newUsers);
        if (!problems.isEmpty()) {
            throw refused(customerId, newUsers, problems, audited);
        }
        Instant now = clock.instant();
        Instant expiresAt = temporaryPasswords.expiresAt(now);
        int size = newUsers.size();
        List<CreatedUser> created = new ArrayList<>(size);
        UUID[] ids = new UUID[size];
        String[] firstNames = new String[size];
        String[] lastNames = new String[size];
        String[] displayNames = new String[size];
        String[] usernames = new String[size];
        String[] usageLocations = new String[size];
        String[] adminRoles = new String[size];
        String[] passwordHashes = new String[size];
        Map<UUID, List<UUID>> holders = new HashMap<>();
        for (int i = 0; i < size; i++) {
            NewUser newUser = newUsers.get(i);
            UserProfile profile = newUser.profile();
            UUID id = UUID.randomUUID();
            String password = temporaryPasswords.generate();
            ids[i] = id;
            firstNames[i] = blankToNull(profile.firstName());
            lastNames[i] = blankToNull(profile.lastName());
            displayNames[i] = profile.displayName().strip();
            usernames[i] = profile.username().strip();
            usageLocations[i] = blankToNull(profile.usageLocation());
            adminRoles[i] = roles(profile);
            passwordHashes[i] = CustomerUserPasswordEncoder.hashTemporary(password);
            created.add(new CreatedUser(id, displayNames[i], usernames[i], password));
            newUser.subscriptionIds().forEach(s -> holders.computeIfAbsent(s, k -> new ArrayList<>()).add(id));
        }
        claimUsernames(customerId, newUsers, ids, usernames, now, audited);
        // One statement for the whole list, however long: arrays travel as single parameters, so 5,000 users cost
        // one round trip instead of 5,000 (docs/benchmarks.md).
        jdbc.update("""
                insert into customer_user (customer_id, id, first_name, last_name, display_name, username,
                    usage_location, admin_roles, password_hash, password_temporary, password_expires_at,
                    created_at, updated_at)
                select ?, u.id, u.first_name, u.last_name, u.display_name, u.username, u.usage_location,
                    cast(u.admin_roles as text[]), u.password_hash, true, ?, ?, ?
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    as u(id, first_name, last_name, display_name, username, usage_location, admin_roles, password_hash)
                """, customerId, Timestamp.from(expiresAt), Timestamp.from(now), Timestamp.from(now), ids, firstNames,
                lastNames, displayNames, usernames, usageLocations, adminRoles, passwordHashes);
        // One change for all subscriptions: the database locks them in one statement, in its own order of ids, as
        // every writer of seats does, so concurrent imports, saves and deletions never deadlock.
        licensing.change(customerId, Map.of(), holders);
        if (audited == CreationAudit.EACH_USER) {
            List<AuditLine> lines = new ArrayList<>(newUsers.size());
            for (int i = 0; i < newUsers.size(); i++) {
                lines.add(new AuditLine(created.get(i).username(), details(newUsers.get(i), subscriptions)));
            }
            audit.recordAll(customerId, "user.created", lines);
        }
        return created;
    }

    /** Creates one user; see {@link #createAll}. */
    @Transactional
    public CreatedUser create(UUID customerId, NewUser newUser) {
        return createAll(customerId, List.of(newUser)).get(0);
    }

    /**
     * Claims the usernames before the users exist: a name another creator, restore or import took since the check is
     * found here (the claim waits for that transaction to end) and refused with the same messages as the check, never
     * as a duplicate key. Claims of deleted users whose window has ended are let go first.
     */
    private void claimUsernames(UUID customerId, List<NewUser> newUsers, UUID[] ids, String[] usernames,
            Instant now, CreationAudit audited) {
        claims.releaseExpired(List.of(usernames), now, settings.restoreWindow());
        Map<UUID, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            wanted.put(ids[i], usernames[i]);
        }
        List<UUID> lost = claims.take(customerId, wanted);
        if (lost.isEmpty()) {
            return;
        }
        List<UserViolations> problems = check(customerId, newUsers);
        if (problems.isEmpty()) {
            // The holder changed again since the claim was refused (deleted, renamed): the name is still not ours.
            List<UUID> order = List.of(ids);
            problems = lost.stream()
                .map(id -> new UserViolations(order.indexOf(id), List.of(RuleViolation.of(UserField.USERNAME,
                        "create.username.takenElsewhere", usernames[order.indexOf(id)]))))
                .toList();
        }
        throw refused(customerId, newUsers, problems, audited);
    }

    /**
     * The refusal to throw. A username claimed in another customer's directory is a refused attempt the customer's
     * Activity tab shows (the other customer is not named), kept although the creation rolls back; a caller that audits
     * for itself records its own failure.
     */
    private UserCreationRefused refused(UUID customerId, List<NewUser> newUsers, List<UserViolations> problems,
            CreationAudit audited) {
        if (audited == CreationAudit.EACH_USER) {
            problems.stream()
                .filter(problem -> problem.violations().stream()
                    .anyMatch(v -> v.messageKey().equals("create.username.takenElsewhere")))
                .forEach(problem -> audit.recordFailure(customerId, "user.created",
                        newUsers.get(problem.index()).profile().username(), "username taken in another directory"));
        }
        return new UserCreationRefused(problems);
    }

    private static String details(NewUser newUser, Map<UUID, Subscription> subscriptions) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("roles", newUser.profile().adminRoles().stream().map(Enum::name).sorted()
            .collect(Collectors.joining(",")));
        details.put("licenses", newUser.subscriptionIds().stream().map(subscriptions::get)
            .map(Subscription::getProductName).sorted().collect(Collectors.joining(",")));
        return details.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String roles(UserProfile profile) {
        return "{" + profile.adminRoles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
