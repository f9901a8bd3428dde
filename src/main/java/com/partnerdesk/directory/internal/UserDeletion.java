package com.partnerdesk.directory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.partnerdesk.audit.AuditLine;
import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.licensing.HeldLicense;
import com.partnerdesk.licensing.Licensing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes user accounts softly: the users leave the list and cannot sign in, their seats are released at once, and
 * the licenses they held are remembered so that a restore can give them back.
 */
@Service
public class UserDeletion {

    private final DirectoryUserRepository users;

    private final RememberedLicenses remembered;

    private final Licensing licensing;

    private final AuditTrail audit;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    UserDeletion(DirectoryUserRepository users, RememberedLicenses remembered, Licensing licensing, AuditTrail audit,
            JdbcTemplate jdbc, Clock clock) {
        this.users = users;
        this.remembered = remembered;
        this.licensing = licensing;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The active users of the customer with those ids, with their licenses, for the confirmation page.
     * @throws UserNotFound when any id is not an active user of this customer
     */
    @Transactional(readOnly = true)
    public DeletionPreview preview(UUID customerId, Collection<UUID> userIds) {
        List<DirectoryUser> found = requireAll(userIds, users.findInCustomer(customerId, userIds)
            .stream()
            .filter(user -> !user.isDeleted())
            .toList());
        Map<UUID, List<HeldLicense>> licenses = licensing.licensesOf(customerId, ids(found));
        List<DeletionPreview.UserToDelete> rows = found.stream()
            .sorted(Comparator.comparing((DirectoryUser u) -> u.getDisplayName().toLowerCase()).thenComparing(DirectoryUser::getUsername))
            .map(u -> new DeletionPreview.UserToDelete(u, licenses.getOrDefault(u.getId(), List.of())))
            .toList();
        return new DeletionPreview(rows, removesLastGlobalAdmin(customerId, found, false));
    }

    /**
     * Deletes the users in one transaction: all of them or none.
     * @param lastGlobalAdminConfirmed the admin's second confirmation, needed when no active Global admin would remain
     * @throws UserNotFound when any id is not a user of this customer
     * @throws UserDeletedMeanwhile when someone else deleted one of them since the page was shown
     * @throws LastGlobalAdminNotConfirmed when the second confirmation is needed and missing
     */
    @Transactional
    public List<DirectoryUser> delete(UUID customerId, Collection<UUID> userIds, boolean lastGlobalAdminConfirmed,
            String deletedBy) {
        // The users' rows are locked before their licenses are read: an assignment in flight for one of them has
        // either committed (and is given back below) or waits, and then finds the user deleted.
        List<DirectoryUser> found = requireAll(userIds, users.lockInCustomer(customerId, userIds));
        found.stream().filter(DirectoryUser::isDeleted).findFirst().ifPresent(user -> {
            throw UserDeletedMeanwhile.recorded(audit, customerId, user.getId(), user.getDisplayName(),
                    user.getUsername(), "user.deleted");
        });
        if (!lastGlobalAdminConfirmed && removesLastGlobalAdmin(customerId, found, true)) {
            throw new LastGlobalAdminNotConfirmed();
        }
        Instant now = clock.instant();
        List<UUID> ids = ids(found);
        Map<UUID, List<HeldLicense>> held = licensing.licensesOf(customerId, ids);
        List<HeldLicense> all = held.values().stream().flatMap(List::stream).toList();
        remembered.remember(customerId, all);
        // Marked deleted before the licenses are given back: the order of locks of every path is users, the
        // customer's user counter (moved here), then subscriptions. The database checks at commit that none of them
        // still holds a license (V095).
        for (DirectoryUser user : found) {
            user.delete(now, deletedBy);
        }
        users.saveAllAndFlush(found);
        // One change for all subscriptions, locked in one statement like every seat writer's, so that concurrent
        // changes never deadlock.
        licensing.change(customerId, all.stream()
            .collect(Collectors.groupingBy(HeldLicense::subscriptionId,
                    Collectors.mapping(HeldLicense::userId, Collectors.toList()))), Map.of());
        audit.recordAll(customerId, "user.deleted", found.stream()
            .map(user -> new AuditLine(user.getUsername(),
                    "licenses released: " + productNames(held.getOrDefault(user.getId(), List.of()))))
            .toList());
        return found;
    }

    /** The users found, when they are all the users wanted. */
    private static List<DirectoryUser> requireAll(Collection<UUID> userIds, List<DirectoryUser> found) {
        Set<UUID> wanted = new LinkedHashSet<>(userIds);
        if (wanted.isEmpty() || found.size() != wanted.size()) {
            Set<UUID> foundIds = new HashSet<>(ids(found));
            throw new UserNotFound(wanted.stream().filter(id -> !foundIds.contains(id)).findFirst().orElse(null));
        }
        return found;
    }

    /**
     * Whether none of the customer's active Global admins would remain. When deleting, the admins' rows are locked
     * first, so two deletions of the last two Global admins cannot both see the other one remaining.
     */
    private boolean removesLastGlobalAdmin(UUID customerId, List<DirectoryUser> deleting, boolean lock) {
        if (deleting.stream().noneMatch(DirectoryUser::isGlobalAdmin)) {
            return false;
        }
        List<UUID> admins = jdbc.queryForList("""
                select id from customer_user
                where customer_id = ? and deleted_at is null and admin_roles @> array['GLOBAL_ADMIN']
                order by id
                """ + (lock ? " for update" : ""), UUID.class, customerId);
        Set<UUID> deletingIds = new HashSet<>(ids(deleting));
        return admins.stream().allMatch(deletingIds::contains);
    }

    private static List<UUID> ids(Collection<DirectoryUser> users) {
        return users.stream().map(DirectoryUser::getId).toList();
    }

    private static String productNames(List<HeldLicense> licenses) {
        if (licenses.isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        licenses.forEach(license -> names.add(license.productName()));
        return String.join(", ", names);
    }
}
