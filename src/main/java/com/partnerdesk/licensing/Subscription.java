package com.partnerdesk.licensing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.partnerdesk.licensing.internal.SeatCountBelowAssigned;
import com.partnerdesk.licensing.internal.SeatLedger;

/**
 * A customer's subscription to one product with a number of seats.
 * <p>
 * The seat numbers are read-only to JPA: the assigned seats are moved by the database's triggers on the assignment
 * rows and the total by a conditional update in {@link SeatLedger}, so a stale entity can never write an old count
 * back over a concurrent change.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    private UUID id;

    private UUID customerId;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "product_sku")
    private Product product;

    @Column(updatable = false)
    private int seatsTotal;

    @Column(insertable = false, updatable = false)
    private int seatsAssigned;

    private Instant createdAt;

    protected Subscription() {
    }

    static Subscription create(UUID customerId, Product product, int seatsTotal, Instant now) {
        Seats seats = new Seats(seatsTotal, 0);
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.customerId = customerId;
        subscription.product = product;
        subscription.seatsTotal = seats.total();
        subscription.createdAt = now;
        return subscription;
    }

    public Seats seats() {
        return new Seats(seatsTotal, seatsAssigned);
    }

    /**
     * Refuses a seat count below the seats in use, with the numbers for the message. The database re-checks at the
     * moment of the update.
     * @throws SeatCountBelowAssigned when users hold more seats than {@code newTotal}
     */
    public void requireSeatsTotalAllowed(int newTotal) {
        if (!seats().canChangeTotalTo(newTotal)) {
            throw new SeatCountBelowAssigned(getProductName(), newTotal, seatsAssigned);
        }
    }

    public int available() {
        return seats().available();
    }

    public boolean isFull() {
        return available() <= 0;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public Product getProduct() {
        return product;
    }

    public String getProductName() {
        return product.getName();
    }

    public String getSku() {
        return product.getSku();
    }

    public int getSeatsTotal() {
        return seatsTotal;
    }

    public int getSeatsAssigned() {
        return seatsAssigned;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
