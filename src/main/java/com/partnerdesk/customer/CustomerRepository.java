package com.partnerdesk.customer;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerRepository extends JpaRepository<Customer, UUID> {

    @Query(value = "select count(*) > 0 from customer_domain where domain = lower(:domain) and customer_id <> :customerId",
            nativeQuery = true)
    boolean isDomainTakenByAnother(@Param("domain") String domain, @Param("customerId") UUID customerId);
}
