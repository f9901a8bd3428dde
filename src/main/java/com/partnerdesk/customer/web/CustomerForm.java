package com.partnerdesk.customer.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new customer: its company name and its verified domains, one per line or separated by commas.
 */
record CustomerForm(
        @NotBlank(message = "{customer.companyName.required}") @Size(max = 200, message = "{customer.companyName.tooLong}") String companyName,
        @NotBlank(message = "{customer.domains.required}")
        @Size(max = MAX_DOMAINS_LENGTH, message = "{customer.domains.tooLong}")
        @DomainList String domains) {

    /** Hundreds of domains; a longer list is pasted by mistake or sent by a script, and is refused unread. */
    static final int MAX_DOMAINS_LENGTH = 10_000;

    static CustomerForm empty() {
        return new CustomerForm("", "");
    }

    List<String> domainList() {
        return DomainNames.split(domains);
    }
}
