package com.partnerdesk.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.customer.internal.CustomerNotFound;
import com.partnerdesk.customer.internal.CustomerRepository;
import com.partnerdesk.customer.internal.DomainAlreadyVerified;
import com.partnerdesk.customer.internal.DomainStillInUse;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner's customers. Every customer-owned page resolves its customer here first.
 */
@Service
public class Customers {

    private final CustomerRepository customers;

    private final AuditTrail audit;

    private final DomainUsage domainUsage;

    private final Clock clock;

    private final JdbcTemplate jdbc;

    Customers(CustomerRepository customers, AuditTrail audit, DomainUsage domainUsage, Clock clock,
            JdbcTemplate jdbc) {
        this.customers = customers;
        this.audit = audit;
        this.domainUsage = domainUsage;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * The customer's name, verified domains and the user counters the database keeps, for a page's header.
     * @throws CustomerNotFound when there is none, which the web layer turns into a 404
     */
    public CustomerProfile requireProfile(UUID customerId) {
        List<CustomerProfile> found = jdbc.query("""
                select c.id, c.company_name,
                       array(select d.domain from customer_domain d where d.customer_id = c.id order by d.position),
                       coalesce(n.active_users, 0), coalesce(n.deleted_users, 0)
                from customer c left join customer_user_count n on n.customer_id = c.id
                where c.id = ?
                """, (rs, row) -> new CustomerProfile(rs.getObject(1, UUID.class), rs.getString(2),
                List.of((String[]) rs.getArray(3).getArray()), rs.getLong(4), rs.getLong(5)), customerId);
        if (found.isEmpty()) {
            throw new CustomerNotFound(customerId);
        }
        return found.get(0);
    }

    /** The company names of those customers, in the order of their names; ids of no customer are left out. */
    public Map<UUID, String> companyNames(Collection<UUID> customerIds) {
        Map<UUID, String> names = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return names;
        }
        jdbc.query("select id, company_name from customer where id = any(?) order by company_name, id", rs -> {
            names.put(rs.getObject(1, UUID.class), rs.getString(2));
        }, (Object) customerIds.toArray(UUID[]::new));
        return names;
    }

    /**
     * The customer with that id.
     * @throws CustomerNotFound when there is none, which the web layer turns into a 404
     */
    @Transactional(readOnly = true)
    public Customer require(UUID customerId) {
        return customers.findById(customerId).orElseThrow(() -> new CustomerNotFound(customerId));
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(UUID customerId) {
        return customers.findById(customerId);
    }

    @Transactional(readOnly = true)
    public long count() {
        return customers.count();
    }

    @Transactional
    public Customer create(String companyName, List<String> domains) {
        Customer customer = Customer.create(companyName, domains, clock.instant());
        requireDomainsFree(customer.getId(), customer.getDomains());
        customers.saveAndFlush(customer);
        audit.record(customer.getId(), "customer.created", customer.getCompanyName(),
                "domains=" + String.join(",", customer.getDomains()));
        return customer;
    }

    /**
     * Replaces the customer's verified domains.
     * A removed domain takes the usernames of the customer's deleted users on it along: those users can then only be
     * restored under a new username in a verified domain (docs/decisions/0009-username-claims.md).
     * @throws DomainStillInUse when a domain to remove is still the domain of an active user's username
     * @throws DomainAlreadyVerified when a new domain belongs to another customer
     */
    @Transactional
    public Customer changeDomains(UUID customerId, List<String> domains) {
        Customer customer = require(customerId);
        for (String dropped : customer.domainsDroppedBy(domains)) {
            long users = domainUsage.activeUsernamesOn(customerId, dropped);
            if (users > 0) {
                throw new DomainStillInUse(dropped, users);
            }
        }
        List<String> dropped = customer.domainsDroppedBy(domains);
        // Judged before the entity changes: the check's query would otherwise flush the new domains first, and the
        // database would refuse one another customer verifies before the check could say so.
        requireDomainsFree(customerId, domains);
        customer.changeDomains(domains, clock.instant());
        dropped.forEach(domain -> domainUsage.domainDropped(customerId, domain));
        customers.saveAndFlush(customer);
        audit.record(customerId, "customer.domains-changed", customer.getCompanyName(),
                "domains=" + String.join(",", customer.getDomains()));
        return customer;
    }

    /**
     * Refuses a domain another customer verifies. Each domain is locked for the rest of the transaction first (in one
     * order, so two changes never deadlock), so that of two admins adding the same domain to two customers at once,
     * the second waits, then sees the first's domain and gets the same message instead of the unique index's error.
     */
    private void requireDomainsFree(UUID customerId, List<String> domains) {
        List<String> wanted = domains.stream().map(domain -> domain.strip().toLowerCase(Locale.ROOT)).distinct().sorted()
            .toList();
        for (String domain : wanted) {
            jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended('customer_domain:' || ?, 0))",
                    domain);
        }
        for (String domain : wanted) {
            if (customers.isDomainTakenByAnother(domain, customerId)) {
                throw new DomainAlreadyVerified(domain);
            }
        }
    }
}
