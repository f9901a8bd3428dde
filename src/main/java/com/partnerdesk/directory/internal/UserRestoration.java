package com.partnerdesk.directory.internal;

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
import com.partnerdesk.directory.CreatedUser;
import com.partnerdesk.directory.internal.RestoreReport.LicenseNotRestored;
import com.partnerdesk.directory.internal.RestoreReport.LicenseProblem;
import com.partnerdesk.directory.internal.RestoreReport.Status;
import com.partnerdesk.directory.internal.RestoreReport.UserOutcome;
import com.partnerdesk.directory.RuleViolation;
import com.partnerdesk.directory.UserAccountRules;
import com.partnerdesk.directory.UserField;
import com.partnerdesk.directory.UserProfile;
import com.partnerdesk.directory.internal.UsernameClaims.Taken;
import com.partnerdesk.licensing.Licensing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restores deleted users within their restore window, under a username that is still theirs to have (its domain
 * verified by the customer, its claim held by no one else), and gives back every license it can: a license whose
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

    private final UsernameClaims claims;

    UserRestoration(DirectoryUserRepository users, RememberedLicenses remembered, Licensing licensing,
            Customers customers, UserAccountRules rules, AuditTrail audit, TemporaryPasswords temporaryPasswords,
            DirectorySettings settings, Clock clock, UsernameClaims claims) {
        this.users = users;
        this.remembered = remembered;
        this.licensing = licensing;
        this.customers = customers;
        this.rules = rules;
        this.audit = audit;
        this.temporaryPasswords = temporaryPasswords;
        this.settings = settings;
        this.clock = clock;
        this.claims = claims;
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

        // Usernames held by active users and the claims on the wanted names, in two queries: a restore of 1,000 users
        // must not ask 1,000 times.
        Set<String> claimed = new HashSet<>(users.findActiveUsernames(customerId, found.values()
            .stream()
            .filter(DirectoryUser::isDeleted)
            .map(user -> user.getUsername().toLowerCase(Locale.ROOT))
            .toList()));
        Map<String, UsernameClaims.Holder> holders = claims.holders(wanted.values()
            .stream()
            .map(request -> request.newUsername() != null ? request.newUsername()
                    : found.get(request.userId()).getUsername())
            .toList());
        List<String> verifiedDomains = customers.require(customerId).getDomains();
        Map<UUID, UserOutcome> outcomes = new LinkedHashMap<>();
        Map<UUID, String> restoring = new LinkedHashMap<>();
        for (RestoreRequest request : wanted.values()) {
            DirectoryUser user = found.get(request.userId());
            Status refusal = refusal(customerId, user, request, claimed, holders, verifiedDomains, now);
            if (refusal != null) {
                outcomes.put(user.getId(), refused(user, refusal));
                continue;
            }
            String username = request.newUsername() != null ? request.newUsername() : user.getUsername();
            restoring.put(user.getId(), username);
            claimed.add(username.toLowerCase(Locale.ROOT));
        }
        // The claims are taken before any row changes, so a name that another customer's creation or restore took
        // since the checks above is refused with its reason rather than by the database's guard.
        claims.releaseExpired(restoring.values(), now, settings.restoreWindow());
        List<UUID> lost = claims.take(customerId, restoring);
        if (!lost.isEmpty()) {
            Map<String, UsernameClaims.Holder> winners = claims.holders(lost.stream().map(restoring::get).toList());
            for (UUID userId : lost) {
                RestoreRequest request = wanted.get(userId);
                UsernameClaims.Holder winner = winners.get(restoring.remove(userId));
                boolean elsewhere = winner == null || !winner.customerId().equals(customerId);
                if (request.newUsername() != null) {
                    throw refusedNewUsername(customerId, List.of(RuleViolation.of(UserField.USERNAME,
                            elsewhere ? "restore.username.takenElsewhere" : "restore.username.taken",
                            request.newUsername())));
                }
                outcomes.put(userId, refused(found.get(userId),
                        elsewhere ? Status.USERNAME_TAKEN_ELSEWHERE : Status.USERNAME_TAKEN));
            }
        }
        List<DirectoryUser> restored = new ArrayList<>();
        Map<UUID, String> previousUsernames = new HashMap<>();
        restoring.forEach((userId, username) -> {
            DirectoryUser user = found.get(userId);
            String newUsername = wanted.get(userId).newUsername();
            if (newUsername != null) {
                previousUsernames.put(userId, user.getUsername());
            }
            user.restore(newUsername, now, settings.restoreWindow());
            restored.add(user);
        });
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
        // A name claimed in another customer's directory is a refused attempt the Activity tab shows; it stays even
        // if this restore rolls back.
        outcomes.values()
            .stream()
            .filter(outcome -> outcome.status() == Status.USERNAME_TAKEN_ELSEWHERE)
            .forEach(outcome -> audit.recordFailure(customerId, "user.restored", outcome.username(),
                    "username taken in another directory"));
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

    private static UserOutcome refused(DirectoryUser user, Status refusal) {
        return new UserOutcome(user.getId(), user.getDisplayName(), user.getUsername(), null, refusal, List.of(),
                List.of());
    }

    /**
     * Why the user cannot be restored as asked, or null when it can. {@code claimed} holds the lower-case usernames
     * of active users and of the users restored so far in this request; {@code holders} the claims on the wanted
     * names, by the name as asked.
     */
    private Status refusal(UUID customerId, DirectoryUser user, RestoreRequest request, Set<String> claimed,
            Map<String, UsernameClaims.Holder> holders, List<String> verifiedDomains, Instant now) {
        if (!user.isDeleted()) {
            return Status.NOT_DELETED;
        }
        if (!user.isRestorableAt(now, settings.restoreWindow())) {
            return Status.WINDOW_ENDED;
        }
        if (request.newUsername() != null) {
            requireAcceptable(customerId, user, request.newUsername(), claimed, holders, verifiedDomains, now);
            return null;
        }
        if (!verifiedDomains.contains(user.getDomain())) {
            return Status.DOMAIN_NOT_VERIFIED;
        }
        if (claimed.contains(user.getUsername().toLowerCase(Locale.ROOT))) {
            return Status.USERNAME_TAKEN;
        }
        Taken taken = UsernameClaims.takenFrom(holders.get(user.getUsername()), customerId, user.getId(), now,
                settings.restoreWindow());
        if (taken.isTaken()) {
            return taken == Taken.ELSEWHERE ? Status.USERNAME_TAKEN_ELSEWHERE : Status.USERNAME_TAKEN;
        }
        return null;
    }

    private void requireAcceptable(UUID customerId, DirectoryUser user, String newUsername, Set<String> claimed,
            Map<String, UsernameClaims.Holder> holders, List<String> verifiedDomains, Instant now) {
        UserProfile profile = new UserProfile(user.getFirstName(), user.getLastName(), user.getDisplayName(),
                newUsername, user.getUsageLocation(), user.getAdminRoles());
        List<RuleViolation> violations = new ArrayList<>(rules.check(profile, verifiedDomains)
            .stream()
            .filter(violation -> violation.field() == UserField.USERNAME)
            .toList());
        Taken taken = UsernameClaims.takenFrom(holders.get(newUsername), customerId, user.getId(), now,
                settings.restoreWindow());
        if (violations.isEmpty() && (claimed.contains(newUsername.toLowerCase(Locale.ROOT))
                || isHeldByActiveUser(customerId, newUsername)
                || taken.isTaken() && taken != Taken.ELSEWHERE)) {
            violations.add(RuleViolation.of(UserField.USERNAME, "restore.username.taken", newUsername));
        }
        else if (violations.isEmpty() && taken == Taken.ELSEWHERE) {
            violations.add(RuleViolation.of(UserField.USERNAME, "restore.username.takenElsewhere", newUsername));
        }
        if (!violations.isEmpty()) {
            throw refusedNewUsername(customerId, violations);
        }
    }

    private InvalidNewUsername refusedNewUsername(UUID customerId, List<RuleViolation> violations) {
        violations.stream()
            .filter(violation -> violation.messageKey().equals("restore.username.takenElsewhere"))
            .forEach(violation -> audit.recordFailure(customerId, "user.restored",
                    String.valueOf(violation.arguments().get(0)), "username taken in another directory"));
        return new InvalidNewUsername(violations);
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
