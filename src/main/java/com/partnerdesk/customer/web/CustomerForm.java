package com.partnerdesk.customer.web;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new customer: its company name and its verified domains, one per line or separated by commas.
 */
record CustomerForm(
        @NotBlank(message = "{customer.companyName.required}") @Size(max = 200, message = "{customer.companyName.tooLong}") String companyName,
        @NotBlank(message = "{customer.domains.required}") @Pattern(regexp = DOMAIN_LIST, message = "{customer.domains.invalid}") String domains) {

    /** Lower-case letters, digits and hyphens in dot-separated labels, at least two labels; one or more of them. */
    static final String DOMAIN_LIST = "(?i)\\s*([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+)"
            + "(\\s*[,\\s]\\s*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+)*\\s*";

    static CustomerForm empty() {
        return new CustomerForm("", "");
    }

    List<String> domainList() {
        return Arrays.stream(domains.split("[,\\s]+")).filter(d -> !d.isBlank()).toList();
    }
}
