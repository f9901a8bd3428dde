package com.partnerdesk.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * A company the partner manages. Its verified domains are the only domains its users' usernames may use.
 */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    private UUID id;

    private String companyName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_domain", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "position")
    @Column(name = "domain")
    private List<String> domains = new ArrayList<>();

    private Instant createdAt;

    private Instant updatedAt;

    protected Customer() {
    }

    public static Customer create(String companyName, List<String> domains, Instant now) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.companyName = companyName.strip();
        customer.domains = normalise(domains);
        customer.createdAt = now;
        customer.updatedAt = now;
        return customer;
    }

    public void changeDomains(List<String> domains, Instant now) {
        this.domains.clear();
        this.domains.addAll(normalise(domains));
        this.updatedAt = now;
    }

    /** The domains this customer has now that {@code domains} would no longer include. */
    public List<String> domainsDroppedBy(List<String> domains) {
        List<String> kept = normalise(domains);
        return this.domains.stream().filter(domain -> !kept.contains(domain)).toList();
    }

    private static List<String> normalise(List<String> domains) {
        return new ArrayList<>(domains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).distinct().toList());
    }

    public UUID getId() {
        return id;
    }

    public String getCompanyName() {
        return companyName;
    }

    public List<String> getDomains() {
        return List.copyOf(domains);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
