package com.partnerdesk.licensing;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    private final Clock clock;

    Licensing(SubscriptionRepository subscriptions, ProductRepository products, SeatLedger ledger, JdbcTemplate jdbc,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.products = products;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Product> catalogue() {
        return products.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public List<Subscription> subscriptionsOf(UUID customerId) {
        return subscriptions.findByCustomer(customerId);
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

    @Transactional
    public Subscription addSubscription(UUID customerId, String sku, int seatsTotal) {
        Product product = products.findById(sku).orElseThrow(() -> new IllegalArgumentException("Unknown SKU " + sku));
        return subscriptions.saveAndFlush(Subscription.create(customerId, product, seatsTotal, clock.instant()));
    }

    /**
     * Assigns a subscription to users of its customer inside the caller's transaction.
     * @return how many seats were newly taken
     * @throws SeatsExhausted when they do not fit; the caller's transaction must then roll back as a whole
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int assign(UUID customerId, UUID subscriptionId, Collection<UUID> userIds) {
        return ledger.assign(requireSubscription(customerId, subscriptionId), userIds, clock.instant());
    }

    /**
     * Removes a subscription from users of its customer inside the caller's transaction.
     * @return how many seats were freed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int remove(UUID customerId, UUID subscriptionId, Collection<UUID> userIds) {
        return ledger.remove(requireSubscription(customerId, subscriptionId), userIds);
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

    /** The licenses each of the given users holds, by user id. */
    @Transactional(readOnly = true)
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
}
