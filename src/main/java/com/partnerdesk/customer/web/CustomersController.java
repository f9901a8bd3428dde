package com.partnerdesk.customer.web;

import java.util.UUID;

import jakarta.validation.Valid;

import com.partnerdesk.customer.Customer;
import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.internal.CustomerSummaries;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.customer.internal.DomainAlreadyVerified;
import com.partnerdesk.customer.internal.DomainStillInUse;
import com.partnerdesk.security.AdminAgentOnly;
import com.partnerdesk.web.Notices;
import com.partnerdesk.web.PageRequests;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class CustomersController {

    private final Customers customers;

    private final CustomerSummaries summaries;

    CustomersController(Customers customers, CustomerSummaries summaries) {
        this.customers = customers;
        this.summaries = summaries;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model) {
        String query = q == null ? null : q.strip();
        if (query != null && query.length() > CustomerSummaries.MAX_QUERY_LENGTH) {
            // Pasted or tampered: continue at the URL of the cut search, so that every link on the page stays short.
            return "redirect:" + UriComponentsBuilder.fromPath("/customers")
                .queryParam("q", query.substring(0, CustomerSummaries.MAX_QUERY_LENGTH))
                .encode()
                .build()
                .toUriString();
        }
        model.addAttribute("q", query);
        model.addAttribute("customers", summaries.search(query, PageRequests.of(page, size)));
        return "customer/customers";
    }

    @GetMapping("/customers/new")
    @AdminAgentOnly
    String newCustomer(Model model) {
        model.addAttribute("form", CustomerForm.empty());
        return "customer/customer-form";
    }

    @PostMapping("/customers/new")
    @AdminAgentOnly
    String create(@Valid @ModelAttribute("form") CustomerForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "customer/customer-form";
        }
        try {
            Customer customer = customers.create(form.companyName(), form.domainList());
            Notices.success(redirect, "customer.created", customer.getCompanyName());
            return "redirect:/customers/" + customer.getId() + "/users";
        }
        catch (DomainAlreadyVerified taken) {
            result.rejectValue("domains", "customer.domains.taken", new Object[] { taken.getDomain() }, null);
            return "customer/customer-form";
        }
    }

    @GetMapping("/customers/{customerId}")
    String customer(@PathVariable UUID customerId) {
        customers.require(customerId);
        return "redirect:/customers/" + customerId + "/users";
    }

    @GetMapping("/customers/{customerId}/domains")
    @AdminAgentOnly
    String editDomains(@PathVariable UUID customerId, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        model.addAttribute("customer", customer);
        model.addAttribute("form", new CustomerForm(customer.companyName(), String.join("\n", customer.domains())));
        return "customer/domains-form";
    }

    @PostMapping("/customers/{customerId}/domains")
    @AdminAgentOnly
    String changeDomains(@PathVariable UUID customerId, @Valid @ModelAttribute("form") CustomerForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CustomerProfile customer = customers.requireProfile(customerId);
        model.addAttribute("customer", customer);
        if (result.hasFieldErrors("domains")) {
            return "customer/domains-form";
        }
        try {
            customers.changeDomains(customerId, form.domainList());
            Notices.success(redirect, "customer.domains.changed");
            return "redirect:/customers/" + customerId + "/users";
        }
        catch (DomainAlreadyVerified taken) {
            result.rejectValue("domains", "customer.domains.taken", new Object[] { taken.getDomain() }, null);
            return "customer/domains-form";
        }
        catch (DomainStillInUse inUse) {
            result.rejectValue("domains", "customer.domains.inUse",
                    new Object[] { inUse.getDomain(), inUse.getActiveUsers() }, null);
            return "customer/domains-form";
        }
    }
}
