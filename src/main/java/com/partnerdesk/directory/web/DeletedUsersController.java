package com.partnerdesk.directory.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.DeletedUserSearch;
import com.partnerdesk.directory.internal.DirectoryUser;
import com.partnerdesk.directory.internal.InvalidNewUsername;
import com.partnerdesk.directory.internal.RestoreHandoffs;
import com.partnerdesk.directory.internal.RestoreReport;
import com.partnerdesk.directory.internal.RestoreRequest;
import com.partnerdesk.directory.RuleViolation;
import com.partnerdesk.directory.UserDirectory;
import com.partnerdesk.directory.internal.UserNotFound;
import com.partnerdesk.handoff.HandoffCookies;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Deleted users (N) tab, Restore, and its result page. Everyone signed in can read the tab; only an Admin agent
 * restores.
 */
@Controller
class DeletedUsersController {

    private final Customers customers;

    private final DeletedUserSearch search;

    private final RestoreHandoffs restores;

    private final UserDirectory directory;

    private final HandoffCookies cookies;

    DeletedUsersController(Customers customers, DeletedUserSearch search, RestoreHandoffs restores,
            UserDirectory directory, HandoffCookies cookies) {
        this.customers = customers;
        this.search = search;
        this.restores = restores;
        this.directory = directory;
        this.cookies = cookies;
    }

    @GetMapping("/customers/{customerId}/deleted-users")
    String deletedUsers(@PathVariable UUID customerId, DeletedUsersParameters parameters, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        model.addAttribute("customer", customer);
        model.addAttribute("q", parameters.q());
        model.addAttribute("users", search.find(customerId, parameters.q(),
                PageRequests.of(parameters.page(), parameters.size())));
        return "directory/deleted-users";
    }

    /** Restores the users ticked in the tab, or the one whose own Restore button was pressed. */
    @PostMapping("/customers/{customerId}/deleted-users/restore")
    @AdminAgentOnly
    String restore(@PathVariable UUID customerId, RestoreForm form, Principal staff, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        customers.require(customerId);
        List<UUID> ids = form.only() != null ? List.of(form.only())
                : form.userId() == null ? List.of() : form.userId();
        if (ids.isEmpty()) {
            Notices.warning(redirect, "restore.noneSelected");
            return "redirect:/customers/" + customerId + "/deleted-users";
        }
        return toResult(customerId, ids.stream().map(RestoreRequest::asBefore).toList(), staff, request, response,
                redirect);
    }

    /** The result page, shown once after a restore; reloading it later leads back to the tab. */
    @GetMapping("/customers/{customerId}/deleted-users/restored")
    String restored(@PathVariable UUID customerId, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        if (!(model.getAttribute("report") instanceof RestoreReport)) {
            return "redirect:/customers/" + customerId + "/deleted-users";
        }
        model.addAttribute("customer", customer);
        return "directory/restore-result";
    }

    @GetMapping("/customers/{customerId}/deleted-users/{userId}/restore-as")
    @AdminAgentOnly
    String restoreAsForm(@PathVariable UUID customerId, @PathVariable UUID userId, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        DirectoryUser user = deleted(customerId, userId);
        model.addAttribute("form", RestoreAsForm.startingFrom(user.getUsername(), customer.domains()));
        return restoreAsPage(customer, user, model);
    }

    @PostMapping("/customers/{customerId}/deleted-users/{userId}/restore-as")
    @AdminAgentOnly
    String restoreAs(@PathVariable UUID customerId, @PathVariable UUID userId,
            @ModelAttribute("form") RestoreAsForm form, BindingResult result, Principal staff,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        CustomerProfile customer = customers.requireProfile(customerId);
        DirectoryUser user = deleted(customerId, userId);
        try {
            return toResult(customerId, List.of(new RestoreRequest(userId, form.username())), staff, request,
                    response, redirect);
        }
        catch (InvalidNewUsername invalid) {
            for (RuleViolation violation : invalid.getViolations()) {
                result.rejectValue("localPart", violation.messageKey(), violation.argumentArray(),
                        violation.messageKey());
            }
            return restoreAsPage(customer, user, model);
        }
    }

    /**
     * Restores, then shows the result page once. The new temporary passwords are not on it: they wait in a one-time
     * handoff whose key only this browser receives, and the result page links to it.
     */
    private String toResult(UUID customerId, List<RestoreRequest> requests, Principal staff,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        RestoreHandoffs.Outcome outcome = restores.restore(customerId, requests, staff.getName());
        redirect.addFlashAttribute("report", outcome.report());
        outcome.handoff().ifPresent(handoff -> {
            String path = HandoffCookies.path(customerId, handoff.id());
            cookies.handTo(request, response, handoff, path);
            redirect.addFlashAttribute("handoffPath", path);
        });
        return "redirect:/customers/" + customerId + "/deleted-users/restored";
    }

    private DirectoryUser deleted(UUID customerId, UUID userId) {
        DirectoryUser user = directory.require(customerId, userId);
        if (!user.isDeleted()) {
            throw new UserNotFound(userId);
        }
        return user;
    }

    private static String restoreAsPage(CustomerProfile customer, DirectoryUser user, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("user", user);
        return "directory/restore-as";
    }

    record DeletedUsersParameters(String q, Integer page, Integer size) {
    }

    /** @param only set by a row's own Restore button, which restores that user alone */
    record RestoreForm(List<UUID> userId, UUID only) {

        RestoreForm {
            userId = userId == null ? List.of() : new ArrayList<>(userId);
        }
    }

    /**
     * Restore as: the new username typed as a local part and a domain picked from the customer's verified ones, as in
     * Add user; the account rules judge the whole username.
     */
    record RestoreAsForm(String localPart, String domain) {

        /** The old local part, in the old domain while the customer still verifies it, else in its first domain. */
        static RestoreAsForm startingFrom(String username, List<String> verifiedDomains) {
            int at = username.indexOf('@');
            String domain = username.substring(at + 1).toLowerCase(Locale.ROOT);
            return new RestoreAsForm(username.substring(0, at), verifiedDomains.contains(domain) ? domain
                    : verifiedDomains.isEmpty() ? null : verifiedDomains.get(0));
        }

        String username() {
            return (localPart == null ? "" : localPart.strip()) + "@" + (domain == null ? "" : domain.strip());
        }
    }
}
