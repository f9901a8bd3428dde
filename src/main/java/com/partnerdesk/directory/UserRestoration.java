package com.partnerdesk.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.partnerdesk.audit.AuditLine;
import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.RestoreReport.LicenseNotRestored;
import com.partnerdesk.directory.RestoreReport.LicenseProblem;
import com.partnerdesk.directory.RestoreReport.Status;
import com.partnerdesk.directory.RestoreReport.UserOutcome;
import com.partnerdesk.licensing.Licensing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restores deleted users within their restore window and gives back every license it can: a license whose
 * subscription still has a free seat is re-assigned through the seat guard, the others are reported with the reason.
 * <p>
 * A Restore request is one transaction. The users' rows are locked first, then the seat counters of the subscriptions
 * involved, so the free seats counted are the free seats assigned, whatever other instances do meanwhile.
 */
@Service
public class UserRestoration {

    private final DirectoryUserRepository users;

    private final RememberedLicenses remembered;

    private final Licensing licensing;

    private final Customers customers;

    private final UserAccountRules rules;

    private final AuditTrail audit;

    private final TemporaryPasswords temporaryPasswords;

    private final DirectorySettings settings;

    private final Clock clock;

    UserRestoration(DirectoryUserRepository users, RememberedLicenses remembered, Licensing licensing,
            Customers customers, UserAccountRules rules, AuditTrail audit, TemporaryPasswords temporaryPasswords,
            DirectorySettings settings, Clock clock) {
        this.users = users;
        this.remembered = remembered;
        this.licensing = licensing;
        this.customers = customers;
        this.rules = rules;
        this.audit = audit;
        this.temporaryPasswords = temporaryPasswords;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Restores the users, in the order given (which decides who gets the last free seat of a product). Each restored
     * user gets a new temporary password: whatever password it had before its deletion no longer works.
     * @throws UserNotFound when any id is not a user of this customer: the whole request is refused
     * @throws InvalidNewUsername when a new username breaks the account rules or is taken: nothing is restored
     */
    @Transactional
    public Restoration restore(UUID customerId, List<RestoreRequest> requests) {
        Instant now = clock.instant();
        Map<UUID, RestoreRequest> wanted = new LinkedHashMap<>();
        requests.forEach(request -> wanted.putIfAbsent(request.userId(), request));
        Map<UUID, DirectoryUser> found = new HashMap<>();
        // Locked before they are judged: of two admins restoring one user, the second waits and then finds it restored.
        users.lockInCustomer(customerId, wanted.keySet()).forEach(user -> found.put(user.getId(), user));
        if (wanted.isEmpty() || found.size() != wanted.size()) {
            throw new UserNotFound(wanted.keySet().stream().filter(id -> !found.containsKey(id)).findFirst().orElse(null));
        }

        // Usernames held by active users, in one query: a restore of 1,000 users must not ask 1,000 times.
        Set<String> claimed = new HashSet<>(users.findActiveUsernames(customerId, found.values()
            .stream()
            .filter(DirectoryUser::isDeleted)
            .map(user -> user.getUsername().toLowerCase(Locale.ROOT))
            .toList()));
        Map<UUID, UserOutcome> outcomes = new LinkedHashMap<>();
        List<DirectoryUser> restored = new ArrayList<>();
        Map<UUID, String> previousUsernames = new HashMap<>();
        for (RestoreRequest request : wanted.values()) {
            DirectoryUser user = found.get(request.userId());
            Status refusal = refusal(customerId, user, request, claimed, now);
            if (refusal != null) {
                outcomes.put(user.getId(), new UserOutcome(user.getId(), user.getDisplayName(), user.getUsername(), null,
                        refusal, List.of(), List.of()));
                continue;
            }
            if (request.newUsername() != null) {
                previousUsernames.put(user.getId(), user.getUsername());
            }
            user.restore(request.newUsername(), now, settings.restoreWindow());
            claimed.add(user.getUsername().toLowerCase(Locale.ROOT));
            restored.add(user);
        }
        Instant passwordExpiresAt = temporaryPasswords.expiresAt(now);
        List<CreatedUser> credentials = new ArrayList<>(restored.size());
        for (DirectoryUser user : restored) {
            String password = temporaryPasswords.generate();
            user.issueTemporaryPassword(CustomerUserPasswordEncoder.hashTemporary(password), passwordExpiresAt, now);
            credentials.add(new CreatedUser(user.getId(), user.getDisplayName(), user.getUsername(), password));
        }
        // Flushed before the licenses: the seat ledger assigns to active users only.
        users.saveAllAndFlush(restored);

        List<UUID> restoredIds = restored.stream().map(DirectoryUser::getId).toList();
        LicenseOutcome licenses = giveLicensesBack(customerId, restoredIds);
        remembered.forget(customerId, restoredIds);
        List<AuditLine> auditLines = new ArrayList<>(restored.size());
        for (DirectoryUser user : restored) {
            UserOutcome outcome = new UserOutcome(user.getId(), user.getDisplayName(), user.getUsername(),
                    previousUsernames.get(user.getId()), Status.RESTORED,
                    licenses.restored.getOrDefault(user.getId(), List.of()),
                    licenses.notRestored.getOrDefault(user.getId(), List.of()));
            outcomes.put(user.getId(), outcome);
            auditLines.add(new AuditLine(user.getUsername(), auditDetails(outcome)));
        }
        audit.recordAll(customerId, "user.restored", auditLines);
        List<UserOutcome> ordered = new ArrayList<>();
        wanted.keySet().forEach(id -> ordered.add(outcomes.get(id)));
        return new Restoration(new RestoreReport(ordered), credentials);
    }

    /**
     * What a Restore request did, and the restored users' new temporary passwords, which belong in a one-time handoff
     * and nowhere else (the report is kept in the session; the passwords never are).
     */
    public record Restoration(RestoreReport report, List<CreatedUser> temporaryPasswords) {
    }

    /**
     * Why the user cannot be restored as asked, or null when it can. {@code claimed} holds the lower-case usernames
     * of active users and of the users restored so far in this request.
     */
    private Status refusal(UUID customerId, DirectoryUser user, RestoreRequest request, Set<String> claimed,
            Instant now) {
        if (!user.isDeleted()) {
            return Status.NOT_DELETED;
        }
        if (!user.isRestorableAt(now, settings.restoreWindow())) {
            return Status.WINDOW_ENDED;
        }
        if (request.newUsername() != null) {
            requireAcceptable(customerId, user, request.newUsername(), claimed);
            return null;
        }
        return claimed.contains(user.getUsername().toLowerCase(Locale.ROOT)) ? Status.USERNAME_TAKEN : null;
    }

    private void requireAcceptable(UUID customerId, DirectoryUser user, String newUsername, Set<String> claimed) {
        UserProfile profile = new UserProfile(user.getFirstName(), user.getLastName(), user.getDisplayName(),
                newUsername, user.getUsageLocation(), user.getAdminRoles());
        List<RuleViolation> violations = new ArrayList<>(rules.check(profile, customers.require(customerId).getDomains())
            .stream()
            .filter(violation -> violation.field() == UserField.USERNAME)
            .toList());
        if (violations.isEmpty() && (claimed.contains(newUsername.toLowerCase(Locale.ROOT))
                || isHeldByActiveUser(customerId, newUsername))) {
            violations.add(RuleViolation.of(UserField.USERNAME, "restore.username.taken", newUsername));
        }
        if (!violations.isEmpty()) {
            throw new InvalidNewUsername(violations);
        }
    }

    private boolean isHeldByActiveUser(UUID customerId, String username) {
        return users.findByUsername(customerId, username).stream().anyMatch(other -> !other.isDeleted());
    }

    private LicenseOutcome giveLicensesBack(UUID customerId, List<UUID> restoredIds) {
        LicenseOutcome outcome = new LicenseOutcome();
        Map<UUID, List<RememberedLicense>> memory = remembered.of(customerId, restoredIds);
        Map<UUID, List<RememberedLicense>> bySubscription = new TreeMap<>();
        for (UUID userId : restoredIds) {
            for (RememberedLicense license : memory.getOrDefault(userId, List.of())) {
                if (license.isSubscriptionGone()) {
                    outcome.notRestored(license, LicenseProblem.SUBSCRIPTION_GONE);
                }
                else {
                    bySubscription.computeIfAbsent(license.subscriptionId(), id -> new ArrayList<>()).add(license);
                }
            }
        }
        Map<UUID, Integer> freeSeats = licensing.lockFreeSeats(customerId, bySubscription.keySet());
        bySubscription.forEach((subscriptionId, wanting) -> {
            Integer free = freeSeats.get(subscriptionId);
            if (free == null) {
                wanting.forEach(license -> outcome.notRestored(license, LicenseProblem.SUBSCRIPTION_GONE));
                return;
            }
            int granted = Math.max(0, Math.min(free, wanting.size()));
            List<RememberedLicense> given = wanting.subList(0, granted);
            licensing.assign(customerId, subscriptionId, given.stream().map(RememberedLicense::userId).toList());
            given.forEach(outcome::restored);
            wanting.subList(granted, wanting.size())
                .forEach(license -> outcome.notRestored(license, LicenseProblem.NO_FREE_SEAT));
        });
        return outcome;
    }

    private static String auditDetails(UserOutcome outcome) {
        StringBuilder details = new StringBuilder("licenses restored: ")
            .append(outcome.licensesRestored().isEmpty() ? "none" : String.join(", ", outcome.licensesRestored()));
        if (!outcome.licensesNotRestored().isEmpty()) {
            details.append("; not restored: ");
            List<String> reasons = new ArrayList<>();
            outcome.licensesNotRestored()
                .forEach(license -> reasons.add(license.productName() + " (" + (license.problem() == LicenseProblem.NO_FREE_SEAT
                        ? "no free seat" : "subscription removed") + ")"));
            details.append(String.join(", ", reasons));
        }
        if (outcome.previousUsername() != null) {
            details.append("; previous username: ").append(outcome.previousUsername());
        }
        return details.toString();
    }

    /** Licenses given back and not, by user, in product-name order. */
    private static final class LicenseOutcome {

        private final Map<UUID, List<String>> restored = new HashMap<>();

        private final Map<UUID, List<LicenseNotRestored>> notRestored = new HashMap<>();

        void restored(RememberedLicense license) {
            restored.computeIfAbsent(license.userId(), id -> new ArrayList<>()).add(license.productName());
            restored.get(license.userId()).sort(String.CASE_INSENSITIVE_ORDER);
        }

        void notRestored(RememberedLicense license, LicenseProblem problem) {
            notRestored.computeIfAbsent(license.userId(), id -> new ArrayList<>())
                .add(new LicenseNotRestored(license.productName(), license.subscriptionId(), problem));
        }
    }
}
