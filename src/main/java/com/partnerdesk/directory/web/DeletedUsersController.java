package com.partnerdesk.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.customer.Customer;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.DeletedUserSearch;
import com.partnerdesk.directory.DirectoryUser;
import com.partnerdesk.directory.InvalidNewUsername;
import com.partnerdesk.directory.RestoreReport;
import com.partnerdesk.directory.RestoreRequest;
import com.partnerdesk.directory.RuleViolation;
import com.partnerdesk.directory.UserDirectory;
import com.partnerdesk.directory.UserRestoration;
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

    private final UserRestoration restoration;

    private final UserDirectory directory;

    DeletedUsersController(Customers customers, DeletedUserSearch search, UserRestoration restoration,
            UserDirectory directory) {
        this.customers = customers;
        this.search = search;
        this.restoration = restoration;
        this.directory = directory;
    }

    @GetMapping("/customers/{customerId}/deleted-users")
    String deletedUsers(@PathVariable UUID customerId, DeletedUsersParameters parameters, Model model) {
        Customer customer = customers.require(customerId);
        model.addAttribute("customer", customer);
        model.addAttribute("q", parameters.q());
        model.addAttribute("users", search.find(customerId, parameters.q(),
                PageRequests.of(parameters.page(), parameters.size())));
        return "directory/deleted-users";
    }

    /** Restores the users ticked in the tab, or the one whose own Restore button was pressed. */
    @PostMapping("/customers/{customerId}/deleted-users/restore")
    @AdminAgentOnly
    String restore(@PathVariable UUID customerId, RestoreForm form, RedirectAttributes redirect) {
        customers.require(customerId);
        List<UUID> ids = form.only() != null ? List.of(form.only())
                : form.userId() == null ? List.of() : form.userId();
        if (ids.isEmpty()) {
            Notices.warning(redirect, "restore.noneSelected");
            return "redirect:/customers/" + customerId + "/deleted-users";
        }
        RestoreReport report = restoration.restore(customerId, ids.stream().map(RestoreRequest::asBefore).toList());
        redirect.addFlashAttribute("report", report);
        return "redirect:/customers/" + customerId + "/deleted-users/restored";
    }

    /** The result page, shown once after a restore; reloading it later leads back to the tab. */
    @GetMapping("/customers/{customerId}/deleted-users/restored")
    String restored(@PathVariable UUID customerId, Model model) {
        Customer customer = customers.require(customerId);
        if (!(model.getAttribute("report") instanceof RestoreReport)) {
            return "redirect:/customers/" + customerId + "/deleted-users";
        }
        model.addAttribute("customer", customer);
        return "directory/restore-result";
    }

    @GetMapping("/customers/{customerId}/deleted-users/{userId}/restore-as")
    @AdminAgentOnly
    String restoreAsForm(@PathVariable UUID customerId, @PathVariable UUID userId, Model model) {
        Customer customer = customers.require(customerId);
        DirectoryUser user = directory.require(customerId, userId);
        model.addAttribute("form", new RestoreAsForm(user.getUsername()));
        return restoreAsPage(customer, user, model);
    }

    @PostMapping("/customers/{customerId}/deleted-users/{userId}/restore-as")
    @AdminAgentOnly
    String restoreAs(@PathVariable UUID customerId, @PathVariable UUID userId,
            @ModelAttribute("form") RestoreAsForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Customer customer = customers.require(customerId);
        DirectoryUser user = directory.require(customerId, userId);
        String username = form.username() == null ? "" : form.username().strip();
        try {
            RestoreReport report = restoration.restore(customerId, List.of(new RestoreRequest(userId, username)));
            redirect.addFlashAttribute("report", report);
            return "redirect:/customers/" + customerId + "/deleted-users/restored";
        }
        catch (InvalidNewUsername invalid) {
            for (RuleViolation violation : invalid.getViolations()) {
                result.rejectValue("username", violation.messageKey(), violation.argumentArray(), violation.messageKey());
            }
            return restoreAsPage(customer, user, model);
        }
    }

    private static String restoreAsPage(Customer customer, DirectoryUser user, Model model) {
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

    record RestoreAsForm(String username) {
    }
}
