package com.partnerdesk.licensing.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.licensing.Subscription;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Every query fetches the product with the subscription: otherwise each product costs a statement of its own. */
public interface SubscriptionRepository extends JpaRepository<Subscription, UUID> {

    @Query("select s from Subscription s join fetch s.product p where s.customerId = :customerId order by p.name")
    List<Subscription> findByCustomer(UUID customerId);

    @Query("select s from Subscription s join fetch s.product where s.customerId = :customerId and s.id = :id")
    Optional<Subscription> findByCustomer(UUID customerId, UUID id);

    @Query("select s from Subscription s join fetch s.product where s.customerId = :customerId and s.id in :ids")
    List<Subscription> findByCustomer(UUID customerId, Collection<UUID> ids);
}
