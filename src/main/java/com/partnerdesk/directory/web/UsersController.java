package com.partnerdesk.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.AdminRole;
import com.partnerdesk.directory.internal.DirectoryUser;
import com.partnerdesk.directory.internal.PagePosition;
import com.partnerdesk.directory.UserDirectory;
import com.partnerdesk.directory.internal.UserFilter;
import com.partnerdesk.directory.internal.UserSearch;
import com.partnerdesk.directory.internal.UserSort;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.SubscriptionName;
import com.partnerdesk.web.PageRequests;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class UsersController {

    /** The page sizes the list offers; the largest is what {@link PageRequests#MAX_SIZE} allows. */
    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200);

    private final Customers customers;

    private final UserSearch search;

    private final UserDirectory directory;

    private final Licensing licensing;

    private final MessageSource messages;

    UsersController(Customers customers, UserSearch search, UserDirectory directory, Licensing licensing,
            MessageSource messages) {
        this.customers = customers;
        this.search = search;
        this.directory = directory;
        this.licensing = licensing;
        this.messages = messages;
    }

    @GetMapping("/customers/{customerId}/users")
    String users(@PathVariable UUID customerId, UserListParameters parameters, HttpServletRequest request,
            Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        if (parameters.isOversized()) {
            // Pasted or tampered: continue at the URL of the cut search, so that every link on the page stays short.
            UriComponentsBuilder url = UriComponentsBuilder.fromPath("/customers/" + customerId + "/users");
            request.getParameterMap().forEach((name, values) -> url.queryParam(name, (Object[]) values));
            UserFilter cut = parameters.toFilter();
            url.replaceQueryParam("q", cut.search() == null ? new Object[0] : new Object[] { cut.search() });
            url.replaceQueryParam("domain", cut.domain() == null ? new Object[0] : new Object[] { cut.domain() });
            return "redirect:" + url.encode()
                .build()
                .toUriString();
        }
        UserFilter filter = parameters.toFilter();
        model.addAttribute("customer", customer);
        model.addAttribute("filter", filter);
        model.addAttribute("params", parameters);
        model.addAttribute("sort", parameters.sortOrDefault());
        model.addAttribute("sizes", PAGE_SIZES);
        List<SubscriptionName> subscriptions = licensing.subscriptionNamesOf(customerId);
        model.addAttribute("subscriptions", subscriptions);
        model.addAttribute("roles", AdminRole.values());
        model.addAttribute("users", search.find(customer, filter, parameters.sortOrDefault(), parameters.position(),
                parameters.sizeOrDefault(), subscriptions));
        return "directory/users";
    }

    /**
     * The total of a filtered list the database keeps no counter for, with the sentences that show it, for the list's
     * script: the page is shown without waiting for this count, and works without it.
     */
    @GetMapping(path = "/customers/{customerId}/users/count", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    UserCount count(@PathVariable UUID customerId, UserListParameters parameters, Locale locale) {
        long total = search.count(customers.requireProfile(customerId), parameters.toFilter());
        int lastPage = (int) Math.max(1, (total + parameters.sizeOrDefault() - 1) / parameters.sizeOrDefault());
        int page = Math.min(parameters.position().number(), lastPage);
        return new UserCount(total, lastPage, text("users.count", locale, total),
                text("pagination.summary", locale, page, lastPage, total),
                text("users.selection.selectAllMatching", locale, total),
                text("users.selection.allMatching", locale, total));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** What the list's script fills in once the count is known. */
    record UserCount(long total, int lastPage, String count, String summary, String selectAllMatching,
            String allMatchingSelected) {
    }

    @GetMapping("/customers/{customerId}/users/{userId}")
    String user(@PathVariable UUID customerId, @PathVariable UUID userId, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        DirectoryUser user = directory.require(customerId, userId);
        model.addAttribute("customer", customer);
        model.addAttribute("user", user);
        model.addAttribute("licenses", licensing.licensesOf(customerId, List.of(userId)).getOrDefault(userId, List.of()));
        return "directory/user";
    }

    /**
     * The list's URL parameters. An unknown sort or page size falls back to the default (old bookmarks keep working);
     * a malformed license id or an unknown role is answered with the 400 page, which says the link is broken.
     */
    record UserListParameters(String q, UUID hasLicense, UUID lacksLicense, Boolean unlicensed, AdminRole role,
            String domain, String sort, Integer page, Integer size, UUID after, UUID before, Boolean last) {

        PagePosition position() {
            int number = page == null ? 1 : Math.min(Math.max(page, 1), PageRequests.MAX_PAGE);
            return new PagePosition(number, after, before, Boolean.TRUE.equals(last));
        }

        UserFilter toFilter() {
            return new UserFilter(q, hasLicense, lacksLicense, Boolean.TRUE.equals(unlicensed), role, domain);
        }

        UserSort sortOrDefault() {
            return UserSort.fromParameter(sort);
        }

        boolean isOversized() {
            return q != null && q.length() > UserFilter.MAX_SEARCH_LENGTH
                    || domain != null && domain.length() > UserFilter.MAX_SEARCH_LENGTH;
        }

        int sizeOrDefault() {
            return size != null && PAGE_SIZES.contains(size) ? size : PageRequests.DEFAULT_SIZE;
        }
    }
}
