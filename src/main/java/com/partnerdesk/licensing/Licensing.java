package com.partnerdesk.licensing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.licensing.internal.ProductAlreadySubscribed;
import com.partnerdesk.licensing.internal.ProductRepository;
import com.partnerdesk.licensing.internal.SeatCountBelowAssigned;
import com.partnerdesk.licensing.internal.SeatLedger;
import com.partnerdesk.licensing.internal.SubscriptionRepository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions of a customer and the licenses its users hold. Every method is scoped by customer: a subscription id
 * of another customer is never found.
 */
@Service
public class Licensing {

    private final SubscriptionRepository subscriptions;

    private final ProductRepository products;

    private final SeatLedger ledger;

    private final JdbcTemplate jdbc;

    private final AuditTrail audit;

    private final Clock clock;

    Licensing(SubscriptionRepository subscriptions, ProductRepository products, SeatLedger ledger, JdbcTemplate jdbc,
            AuditTrail audit, Clock clock) {
        this.subscriptions = subscriptions;
        this.products = products;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Subscription> subscriptionsOf(UUID customerId) {
        return subscriptions.findByCustomer(customerId);
    }

    /**
     * The customer's subscriptions by product name, with how many users hold each, for the Users and licenses list's
     * filters and totals: one statement, no entities.
     */
    public List<SubscriptionName> subscriptionNamesOf(UUID customerId) {
        return jdbc.query("""
                select s.id, p.sku, p.name, s.seats_assigned from subscription s join product p on p.sku = s.product_sku
                where s.customer_id = ? order by p.name
                """, (rs, row) -> new SubscriptionName(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getLong(4)), customerId);
    }

    /** Seats of each subscribed product summed over every customer, by product name, for the partner's dashboard. */
    public List<ProductSeats> seatsPerProduct() {
        return jdbc.query("""
                select p.name, p.sku, sum(s.seats_total), sum(s.seats_assigned), count(*)
                from subscription s join product p on p.sku = s.product_sku
                group by p.name, p.sku order by p.name
                """, (rs, row) -> new ProductSeats(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5)));
    }

    /**
     * The subscription with that id, if it belongs to the customer.
     * @throws SubscriptionNotFound otherwise
     */
    @Transactional(readOnly = true)
    public Subscription requireSubscription(UUID customerId, UUID subscriptionId) {
        return subscriptions.findByCustomer(customerId, subscriptionId)
            .orElseThrow(() -> new SubscriptionNotFound(subscriptionId));
    }

    /**
     * The subscriptions with those ids, all of which must belong to the customer.
     * @throws SubscriptionNotFound when any of them does not
     */
    @Transactional(readOnly = true)
    public List<Subscription> requireSubscriptions(UUID customerId, Collection<UUID> subscriptionIds) {
        List<Subscription> found = subscriptions.findByCustomer(customerId, subscriptionIds);
        if (found.size() != subscriptionIds.stream().distinct().count()) {
            UUID missing = subscriptionIds.stream()
                .filter(id -> found.stream().noneMatch(s -> s.getId().equals(id)))
                .findFirst()
                .orElseThrow();
            throw new SubscriptionNotFound(missing);
        }
        return found;
    }

    /** Every product of the catalogue, by name. */
    @Transactional(readOnly = true)
    public List<Product> catalogue() {
        return products.findAllByOrderByNameAsc();
    }

    /** The catalogue's products the customer does not subscribe to yet, which are the ones it can add. */
    @Transactional(readOnly = true)
    public List<Product> productsNotSubscribed(UUID customerId) {
        List<String> subscribed = subscriptions.findByCustomer(customerId).stream().map(Subscription::getSku).toList();
        return products.findAllByOrderByNameAsc().stream().filter(p -> !subscribed.contains(p.getSku())).toList();
    }

    /**
     * Subscribes the customer to a product of the catalogue.
     * @throws ProductAlreadySubscribed when it has a subscription to that product (seats are added to it instead)
     * @throws IllegalArgumentException when the SKU is not in the catalogue or the seat count is negative
     */
    @Transactional
    public Subscription addSubscription(UUID customerId, String sku, int seatsTotal) {
        Product product = products.findById(sku).orElseThrow(() -> new IllegalArgumentException("Unknown SKU " + sku));
        if (subscriptions.findByCustomer(customerId).stream().anyMatch(s -> s.getSku().equals(sku))) {
            throw new ProductAlreadySubscribed(product.getName());
        }
        Subscription subscription = subscriptions
            .saveAndFlush(Subscription.create(customerId, product, seatsTotal, clock.instant()));
        audit.record(customerId, "subscription.added", product.getName(), "sku=" + sku + "; seats=" + seatsTotal);
        return subscription;
    }

    /**
     * Sets the number of seats of a subscription, adding or removing seats.
     * @throws SeatCountBelowAssigned when more users hold it than {@code seatsTotal}, judged by the database at the
     *         moment of the update
     */
    @Transactional
    public void changeSeatsTotal(UUID customerId, UUID subscriptionId, int seatsTotal) {
        Subscription subscription = requireSubscription(customerId, subscriptionId);
        subscription.requireSeatsTotalAllowed(seatsTotal);
        if (!ledger.changeSeatsTotal(subscription, seatsTotal)) {
            throw new SeatCountBelowAssigned(subscription.getProductName(), seatsTotal,
                    ledger.seats(subscription).assigned());
        }
        audit.record(customerId, "subscription.seats-changed", subscription.getProductName(),
                "seats=" + subscription.getSeatsTotal() + "->" + seatsTotal);
    }

    /**
     * Assigns a subscription to active users of its customer inside the caller's transaction, which has locked the
     * users' rows.
     * @return how many seats were newly taken
     * @throws SeatsExhausted when they do not fit; the caller's transaction must then roll back as a whole
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int assign(UUID customerId, UUID subscriptionId, Collection<UUID> userIds) {
        return ledger.assign(requireSubscription(customerId, subscriptionId), userIds, clock.instant()).size();
    }

    /**
     * Applies a whole license change inside the caller's transaction: every removal first (so that the seats they
     * free can be used at once), then every assignment, each subscription through the seat guard. The caller, which
     * owns the users, has locked their rows already and gives licenses to active users only; the subscriptions are
     * then locked up front in id order, as every writer of assignments locks them, so concurrent changes, deletions
     * and restores queue instead of deadlocking (users before subscriptions: a deletion holding a user's row while it
     * waits for a subscription must not be waited for by a change already holding that subscription).
     * @param removals users to take each subscription from, by subscription id
     * @param additions users to give each subscription to, by subscription id
     * @return per subscription touched, who got it and who gave it back, in product name order
     * @throws SubscriptionNotFound when any subscription id is not the customer's
     * @throws SeatsExhausted when any subscription lacks seats; the caller's transaction must roll back as a whole
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<SeatChange> change(UUID customerId, Map<UUID, List<UUID>> removals,
            Map<UUID, List<UUID>> additions) {
        Set<UUID> subscriptionIds = new TreeSet<>(removals.keySet());
        subscriptionIds.addAll(additions.keySet());
        if (subscriptionIds.isEmpty()) {
            return List.of();
        }
        List<Subscription> touched = requireSubscriptions(customerId, subscriptionIds);
        ledger.lock(customerId, subscriptionIds);
        Instant now = clock.instant();
        Map<UUID, List<UUID>> removed = new HashMap<>();
        for (Subscription subscription : touched) {
            removed.put(subscription.getId(),
                    ledger.remove(subscription, removals.getOrDefault(subscription.getId(), List.of())));
        }
        List<SeatChange> changes = new ArrayList<>();
        for (Subscription subscription : touched) {
            List<UUID> added = ledger.assign(subscription, additions.getOrDefault(subscription.getId(), List.of()),
                    now);
            changes.add(new SeatChange(subscription.getId(), subscription.getProductName(), added,
                    removed.get(subscription.getId())));
        }
        changes.sort(Comparator.comparing(SeatChange::productName));
        return changes;
    }

    /**
     * Locks the seat counters of those of the customer's subscriptions until the caller's transaction ends and
     * returns each one's free seats. Assigning at most that many is then certain to succeed, so a caller can give
     * seats to some users and report the others instead of failing as a whole. Subscriptions that do not exist (any
     * more) are absent from the result.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Integer> lockFreeSeats(UUID customerId, Collection<UUID> subscriptionIds) {
        return ledger.lockFreeSeats(customerId, subscriptionIds);
    }

    /**
     * The licenses each of the given users holds, by user id. One statement: it needs no transaction of its own and
     * runs in the caller's where there is one.
     */
    public Map<UUID, List<HeldLicense>> licensesOf(UUID customerId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                select a.user_id, a.subscription_id, p.sku, p.name
                from license_assignment a
                join subscription s on s.customer_id = a.customer_id and s.id = a.subscription_id
                join product p on p.sku = s.product_sku
                where a.customer_id = ? and a.user_id = any(?)
                order by p.name
                """, (rs, row) -> new HeldLicense(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)),
                customerId, userIds.toArray(UUID[]::new))
            .stream()
            .collect(Collectors.groupingBy(HeldLicense::userId));
    }

    /**
     * How many of the given users hold each of the customer's subscriptions, by subscription id; subscriptions none of
     * them holds are absent. One statement, like {@link #licensesOf}.
     */
    public Map<UUID, Integer> holdersAmong(UUID customerId, Collection<UUID> userIds) {
        Map<UUID, Integer> holders = new HashMap<>();
        if (userIds.isEmpty()) {
            return holders;
        }
        jdbc.query("""
                select a.subscription_id, count(*) from license_assignment a
                where a.customer_id = ? and a.user_id = any(?)
                group by a.subscription_id
                """, rs -> {
            holders.put(rs.getObject(1, UUID.class), rs.getInt(2));
        }, customerId, userIds.toArray(UUID[]::new));
        return holders;
    }

    /**
     * How many users hold the subscription, read from its seat counter rather than counted: only active users hold
     * licenses (deleting a user gives them back), and the database keeps the counter exact (V095). 0 for a subscription the
     * customer does not have. One statement, like {@link #licensesOf}.
     */
    public long holdersOf(UUID customerId, UUID subscriptionId) {
        List<Long> assigned = jdbc.queryForList("select seats_assigned from subscription where customer_id = ? and id = ?",
                Long.class, customerId, subscriptionId);
        return assigned.isEmpty() ? 0 : assigned.get(0);
    }
}
