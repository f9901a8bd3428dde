package com.partnerdesk.directory.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.SeatChange;
import com.partnerdesk.licensing.SeatsExhausted;
import com.partnerdesk.licensing.SubscriptionNotFound;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Manage licenses" for one or many users of a customer: what the editor shows, the save that applies a whole change
 * in one transaction, and the "Licenses updated" report it leaves behind. Every statement is set-based, so ten
 * thousand users cost the same few statements as one.
 */
@Service
public class UserLicenses {

    private static final int AUDIT_DETAILS_LENGTH = 2000;

    private final JdbcTemplate jdbc;

    private final Licensing licensing;

    private final AuditTrail audit;

    private final DirectorySettings settings;

    private final Clock clock;

    private final TransactionTemplate transaction;

    UserLicenses(JdbcTemplate jdbc, Licensing licensing, AuditTrail audit, DirectorySettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.licensing = licensing;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The editor for the given users: each subscription of the customer with how many of them hold it.
     * @throws UserNotFound when any of them is not an active user of the customer
     */
    @Transactional(readOnly = true)
    public LicenseEditor editor(UUID customerId, List<UUID> userIds) {
        UUID[] ids = distinct(userIds);
        requireActiveUsers(customerId, ids);
        // Who could newly get each subscription: the users with a usage location, less those of them holding it.
        List<UUID> withLocation = jdbc.queryForList("""
                select id from customer_user
                where customer_id = ? and id = any(?) and usage_location is not null
                """, UUID.class, customerId, ids);
        Map<UUID, Integer> holders = licensing.holdersAmong(customerId, Arrays.asList(ids));
        Map<UUID, Integer> holdersWithLocation = withLocation.size() == ids.length ? holders
                : licensing.holdersAmong(customerId, withLocation);
        List<LicenseOption> options = licensing.subscriptionsOf(customerId)
            .stream()
            .map(s -> new LicenseOption(s.getId(), s.getProductName(), s.getSku(), s.seats(),
                    holders.getOrDefault(s.getId(), 0), ids.length,
                    withLocation.size() - holdersWithLocation.getOrDefault(s.getId(), 0)))
            .toList();
        List<UserReference> named = jdbc.query("""
                select id, display_name, username from customer_user
                where customer_id = ? and id = any(?) and usage_location is null
                order by lower(display_name), id
                limit ?
                """, (rs, row) -> new UserReference(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)),
                customerId, ids, LicenseEditor.NAMED_USERS);
        // Every id is an active user of the customer (checked above): those not with a location are without one.
        return new LicenseEditor(ids.length, options, named, ids.length - withLocation.size());
    }

    /**
     * Applies the decisions to every given user in one transaction: removals first, then assignments, each through the
     * seat guard. Users without a usage location get no license; removals still apply to them.
     * @return the id of the "Licenses updated" report
     * @throws UserNotFound when any user is not a user of the customer
     * @throws UserDeletedMeanwhile when someone else deleted one of them since the editor was shown; nothing is
     *         changed then
     * @throws SubscriptionNotFound when any subscription is not the customer's
     * @throws SeatsExhausted when a product lacks seats; nothing is changed then, and the refusal is on the
     *         Activity tab
     */
    public UUID change(UUID customerId, List<UUID> userIds, Map<UUID, LicenseDecision> decisions, String changedBy) {
        try {
            return transaction.execute(status -> apply(customerId, userIds, decisions, changedBy));
        }
        catch (SeatsExhausted exhausted) {
            // The change has rolled back and let go of its connection; the refusal stays on the Activity tab. Written
            // after, not during, the change: a request holding two connections at once could starve the pool when
            // many saves race for the last seats.
            audit.recordFailure(customerId, "licenses.changed", userIds.size() + " users", exhausted.getMessage());
            throw exhausted;
        }
    }

    private UUID apply(UUID customerId, List<UUID> userIds, Map<UUID, LicenseDecision> decisions, String changedBy) {
        UUID[] ids = distinct(userIds);
        lockActiveUsers(customerId, ids);
        licensing.requireSubscriptions(customerId, decisions.keySet());
        List<UUID> withoutLocation = decisions.containsValue(LicenseDecision.ASSIGN)
                ? jdbc.queryForList("""
                        select id from customer_user
                        where customer_id = ? and id = any(?) and usage_location is null
                        """, UUID.class, customerId, ids)
                : List.of();
        List<UUID> all = Arrays.asList(ids);
        List<UUID> assignable = withoutLocation.isEmpty() ? all
                : all.stream().filter(id -> !withoutLocation.contains(id)).toList();
        Map<UUID, List<UUID>> removals = new HashMap<>();
        Map<UUID, List<UUID>> additions = new HashMap<>();
        decisions.forEach((subscriptionId, decision) -> {
            if (decision == LicenseDecision.REMOVE) {
                removals.put(subscriptionId, all);
            }
            else if (decision == LicenseDecision.ASSIGN && !assignable.isEmpty()) {
                additions.put(subscriptionId, assignable);
            }
        });
        List<SeatChange> changes = licensing.change(customerId, removals, additions);
        UUID changeId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.update("""
                insert into license_change (customer_id, id, changed_by, changed_at, user_ids, without_usage_location)
                values (?, ?, ?, ?, ?, ?)
                """, customerId, changeId, changedBy, Timestamp.from(now), ids, withoutLocation.toArray(UUID[]::new));
        for (SeatChange change : changes) {
            if (!change.added().isEmpty() || !change.removed().isEmpty()) {
                jdbc.update("""
                        insert into license_change_item (customer_id, change_id, subscription_id, product_name, added,
                                                         removed)
                        values (?, ?, ?, ?, ?, ?)
                        """, customerId, changeId, change.subscriptionId(), change.productName(),
                        change.added().toArray(UUID[]::new), change.removed().toArray(UUID[]::new));
            }
        }
        audit.record(customerId, "licenses.changed", ids.length + (ids.length == 1 ? " user" : " users"),
                auditDetails(changeId, changes, withoutLocation.size(), ids));
        return changeId;
    }

    /**
     * The heading of a saved change.
     * @throws LicenseChangeNotFound when the customer has no change with that id, or no longer keeps its report
     */
    @Transactional(readOnly = true)
    public LicenseChangeSummary changeSummary(UUID customerId, UUID changeId) {
        return jdbc.query("""
                select id, changed_by, changed_at, cardinality(user_ids) from license_change
                where customer_id = ? and id = ?
                """, (rs, row) -> {
                    Instant changedAt = rs.getTimestamp(3).toInstant();
                    return new LicenseChangeSummary(rs.getObject(1, UUID.class), rs.getString(2), changedAt,
                            rs.getInt(4), changedAt.plus(settings.licenseReportRetention()));
                }, customerId, changeId)
            .stream()
            .findFirst()
            .orElseThrow(() -> new LicenseChangeNotFound(changeId));
    }

    /** One page of a saved change: each user with the products added and removed, by display name. */
    @Transactional(readOnly = true)
    public Page<LicenseChangeLine> changeLines(UUID customerId, UUID changeId, PageRequest page) {
        LicenseChangeSummary summary = changeSummary(customerId, changeId);
        List<LicenseChangeLine> lines = jdbc.query("""
                select u.id, u.display_name, u.username,
                       array(select i.product_name from license_change_item i
                             where i.customer_id = c.customer_id and i.change_id = c.id and u.id = any(i.added)
                             order by i.product_name) as added,
                       array(select i.product_name from license_change_item i
                             where i.customer_id = c.customer_id and i.change_id = c.id and u.id = any(i.removed)
                             order by i.product_name) as removed,
                       u.id = any(c.without_usage_location) as refused
                from license_change c
                join customer_user u on u.customer_id = c.customer_id and u.id = any(c.user_ids)
                where c.customer_id = ? and c.id = ?
                order by lower(u.display_name), u.id
                limit ? offset ?
                """, (rs, row) -> new LicenseChangeLine(
                        new UserReference(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)),
                        strings(rs.getArray(4)), strings(rs.getArray(5)), rs.getBoolean(6)),
                customerId, changeId, page.getPageSize(), page.getOffset());
        return new PageImpl<>(lines, page, summary.users());
    }

    /**
     * Shared locks on the users' rows until the change commits, taken before the subscriptions' (the order of every
     * path): a deletion of one of them waits for this change, or this change waits for the deletion and then refuses
     * with its name instead of licensing a deleted user.
     */
    private void lockActiveUsers(UUID customerId, UUID[] ids) {
        List<UserReference> deleted = new ArrayList<>();
        List<UUID> found = jdbc.query("""
                select id, display_name, username, deleted_at is not null from customer_user
                where customer_id = ? and id = any(?)
                order by id
                for share
                """, (rs, row) -> {
            UUID id = rs.getObject(1, UUID.class);
            if (rs.getBoolean(4)) {
                deleted.add(new UserReference(id, rs.getString(2), rs.getString(3)));
            }
            return id;
        }, customerId, ids);
        if (found.size() != ids.length || ids.length == 0) {
            Set<UUID> present = Set.copyOf(found);
            throw new UserNotFound(Arrays.stream(ids).filter(id -> !present.contains(id)).findFirst().orElse(null));
        }
        if (!deleted.isEmpty()) {
            throw UserDeletedMeanwhile.recorded(audit, customerId, deleted.get(0).id(),
                    deleted.get(0).displayName(), deleted.get(0).username(), "licenses.changed");
        }
    }

    private void requireActiveUsers(UUID customerId, UUID[] ids) {
        List<UUID> found = jdbc.queryForList("""
                select id from customer_user where customer_id = ? and id = any(?) and deleted_at is null
                """, UUID.class, customerId, ids);
        if (found.size() != ids.length || ids.length == 0) {
            Set<UUID> present = Set.copyOf(found);
            throw new UserNotFound(Arrays.stream(ids).filter(id -> !present.contains(id)).findFirst().orElse(null));
        }
    }

    /** The change id leads to every user; the details name products and counts, and as many users as fit. */
    private static String auditDetails(UUID changeId, List<SeatChange> changes, int withoutLocation, UUID[] ids) {
        StringBuilder details = new StringBuilder("change=").append(changeId);
        for (SeatChange change : changes) {
            details.append("; ").append(change.productName()).append(": +").append(change.added().size())
                .append(" -").append(change.removed().size());
        }
        if (withoutLocation > 0) {
            details.append("; not assigned, no usage location: ").append(withoutLocation);
        }
        details.append("; users=");
        String users = Arrays.stream(ids).map(UUID::toString).collect(Collectors.joining(","));
        int room = AUDIT_DETAILS_LENGTH - details.length();
        if (users.length() <= room) {
            return details.append(users).toString();
        }
        String more = ",…";
        int cut = users.lastIndexOf(',', room - more.length());
        return details.append(cut > 0 ? users.substring(0, cut) : "").append(more).toString();
    }

    private static UUID[] distinct(List<UUID> userIds) {
        return new LinkedHashSet<>(userIds).toArray(UUID[]::new);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
