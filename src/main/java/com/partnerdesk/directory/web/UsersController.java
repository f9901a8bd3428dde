package com.partnerdesk.directory.web;

import java.util.List;
import java.util.UUID;

import com.partnerdesk.customer.Customer;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.AdminRole;
import com.partnerdesk.directory.DirectoryUser;
import com.partnerdesk.directory.UserDirectory;
import com.partnerdesk.directory.UserFilter;
import com.partnerdesk.directory.UserSearch;
import com.partnerdesk.directory.UserSort;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.web.PageRequests;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class UsersController {

    private final Customers customers;

    private final UserSearch search;

    private final UserDirectory directory;

    private final Licensing licensing;

    UsersController(Customers customers, UserSearch search, UserDirectory directory, Licensing licensing) {
        this.customers = customers;
        this.search = search;
        this.directory = directory;
        this.licensing = licensing;
    }

    @GetMapping("/customers/{customerId}/users")
    String users(@PathVariable UUID customerId, UserListParameters parameters, Model model) {
        Customer customer = customers.require(customerId);
        UserFilter filter = parameters.toFilter();
        model.addAttribute("customer", customer);
        model.addAttribute("filter", filter);
        model.addAttribute("params", parameters);
        model.addAttribute("sort", parameters.sortOrDefault());
        model.addAttribute("subscriptions", licensing.subscriptionsOf(customerId));
        model.addAttribute("roles", AdminRole.values());
        model.addAttribute("users",
                search.find(customerId, filter, parameters.sortOrDefault(),
                        PageRequests.of(parameters.page(), parameters.size())));
        return "directory/users";
    }

    @GetMapping("/customers/{customerId}/users/{userId}")
    String user(@PathVariable UUID customerId, @PathVariable UUID userId, Model model) {
        Customer customer = customers.require(customerId);
        DirectoryUser user = directory.require(customerId, userId);
        model.addAttribute("customer", customer);
        model.addAttribute("user", user);
        model.addAttribute("licenses", licensing.licensesOf(customerId, List.of(userId)).getOrDefault(userId, List.of()));
        return "directory/user";
    }

    /**
     * The list's URL parameters. Unknown enum values or malformed ids make the request a 404 rather than an error.
     */
    record UserListParameters(String q, UUID hasLicense, UUID lacksLicense, Boolean unlicensed, AdminRole role,
            String domain, UserSort sort, Integer page, Integer size) {

        UserFilter toFilter() {
            return new UserFilter(q, hasLicense, lacksLicense, Boolean.TRUE.equals(unlicensed), role, domain);
        }

        UserSort sortOrDefault() {
            return sort == null ? UserSort.DISPLAY_NAME : sort;
        }
    }
}
