package com.partnerdesk.licensing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubscriptionRepository extends JpaRepository<Subscription, UUID> {

    @Query("select s from Subscription s where s.customerId = :customerId order by s.product.name")
    List<Subscription> findByCustomer(UUID customerId);

    @Query("select s from Subscription s where s.customerId = :customerId and s.id = :id")
    Optional<Subscription> findByCustomer(UUID customerId, UUID id);

    @Query("select s from Subscription s where s.customerId = :customerId and s.id in :ids")
    List<Subscription> findByCustomer(UUID customerId, Collection<UUID> ids);
}
