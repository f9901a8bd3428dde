package com.partnerdesk.audit.internal;

import java.util.List;
import java.util.UUID;

import com.partnerdesk.audit.AuditEntry;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    @Query("""
            select e from AuditEntry e
            where e.customerId = :customerId
              and (cast(:action as string) is null or e.action = cast(:action as string))
              and (cast(:actor as string) is null or lower(e.actor) like lower(concat('%', cast(:actor as string), '%')))
            order by e.occurredAt desc, e.id desc
            """)
    Page<AuditEntry> findForCustomer(@Param("customerId") UUID customerId, @Param("action") String action,
            @Param("actor") String actor, Pageable pageable);

    @Query("select distinct e.action from AuditEntry e where e.customerId = :customerId order by e.action")
    List<String> findActionsOfCustomer(@Param("customerId") UUID customerId);
}
