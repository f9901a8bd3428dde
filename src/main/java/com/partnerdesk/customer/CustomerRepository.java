package com.partnerdesk.customer;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerRepository extends JpaRepository<Customer, UUID> {

    @Query(value = """
            select c from Customer c
            where lower(c.companyName) like lower(concat('%', cast(:query as string), '%'))
               or exists (select 1 from Customer d join d.domains dom
                          where d = c and dom like lower(concat('%', cast(:query as string), '%')))
            """)
    Page<Customer> search(@Param("query") String query, Pageable pageable);

    @Query(value = "select count(*) > 0 from customer_domain where domain = lower(:domain) and customer_id <> :customerId",
            nativeQuery = true)
    boolean isDomainTakenByAnother(@Param("domain") String domain, @Param("customerId") UUID customerId);
}
