package com.partnerdesk.customer.internal;

import java.util.UUID;

import com.partnerdesk.customer.Customer;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CustomerRepository extends JpaRepository<Customer, UUID> {

    @Query(value = "select count(*) > 0 from customer_domain where domain = lower(:domain) and customer_id <> :customerId",
            nativeQuery = true)
    boolean isDomainTakenByAnother(@Param("domain") String domain, @Param("customerId") UUID customerId);
}
