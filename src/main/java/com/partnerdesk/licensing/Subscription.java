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

/**
 * A customer's subscription to one product with a number of seats.
 * <p>
 * The seat numbers are read-only to JPA: they change only through the conditional updates in
 * {@link SeatLedger}, so a stale entity can never write an old count back over a concurrent change.
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
        if (seatsTotal < 0) {
            throw new IllegalArgumentException("A subscription cannot have a negative number of seats");
        }
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.customerId = customerId;
        subscription.product = product;
        subscription.seatsTotal = seatsTotal;
        subscription.createdAt = now;
        return subscription;
    }

    /** Whether {@code seats} more seats fit. For messages before Save; the database makes the final call. */
    public boolean canAssign(int seats) {
        return seats <= available();
    }

    /** Whether the total may be lowered to {@code newTotal} without taking seats from users that hold them. */
    public boolean canReduceTo(int newTotal) {
        return newTotal >= seatsAssigned && newTotal >= 0;
    }

    public int available() {
        return seatsTotal - seatsAssigned;
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
