package com.partnerdesk.directory.web;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.DirectoryUser;
import com.partnerdesk.directory.UserDirectory;
import com.partnerdesk.directory.internal.UserLicenses;
import com.partnerdesk.directory.internal.SelectionNotFound;
import com.partnerdesk.directory.internal.UserNotFound;
import com.partnerdesk.directory.internal.UserSelections;
import com.partnerdesk.licensing.SeatsExhausted;
import com.partnerdesk.security.AdminAgentOnly;
import com.partnerdesk.web.PageRequests;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Manage licenses" for one user or a selection of users, and the "Licenses updated" report of a save. The users come from the URL (and the
 * selection), never from the page: they are resolved against the customer again on every request.
 */
@Controller
class UserLicensesController {

    private final Customers customers;

    private final UserDirectory directory;

    private final UserLicenses licenses;

    private final UserSelections selections;

    UserLicensesController(Customers customers, UserDirectory directory, UserLicenses licenses,
            UserSelections selections) {
        this.customers = customers;
        this.directory = directory;
        this.licenses = licenses;
        this.selections = selections;
    }

    @GetMapping("/customers/{customerId}/users/{userId}/licenses")
    @AdminAgentOnly
    String userEditor(@PathVariable UUID customerId, @PathVariable UUID userId, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        DirectoryUser user = requireActive(customerId, userId);
        model.addAttribute("form", LicenseForm.unchanged(null));
        return editor(customer, user, List.of(userId), model);
    }

    @PostMapping("/customers/{customerId}/users/{userId}/licenses")
    @AdminAgentOnly
    String saveUser(@PathVariable UUID customerId, @PathVariable UUID userId,
            @ModelAttribute("form") LicenseForm form, Principal staff, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        // The editor may have been open while someone else deleted the user.
        DirectoryUser user = directory.requireNotDeletedMeanwhile(customerId, userId, "licenses.changed");
        return save(customer, user, List.of(userId), form, staff, model);
    }

    @GetMapping("/customers/{customerId}/users/licenses")
    @AdminAgentOnly
    String selectionEditor(@PathVariable UUID customerId, @RequestParam(required = false) UUID selection,
            Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        if (selection == null) {
            throw new SelectionNotFound(null);
        }
        model.addAttribute("form", LicenseForm.unchanged(selection));
        return editor(customer, null, selected(customerId, selection), model);
    }

    @PostMapping("/customers/{customerId}/users/licenses")
    @AdminAgentOnly
    String saveSelection(@PathVariable UUID customerId, @ModelAttribute("form") LicenseForm form, Principal staff,
            Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        if (form.selection() == null) {
            throw new SelectionNotFound(null);
        }
        return save(customer, null, selected(customerId, form.selection()), form, staff, model);
    }

    @GetMapping("/customers/{customerId}/license-changes/{changeId}")
    String changed(@PathVariable UUID customerId, @PathVariable UUID changeId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("customer", customers.requireProfile(customerId));
        model.addAttribute("change", licenses.changeSummary(customerId, changeId));
        model.addAttribute("lines", licenses.changeLines(customerId, changeId, PageRequests.of(page, size)));
        return "directory/licenses-updated";
    }

    private String save(CustomerProfile customer, DirectoryUser user, List<UUID> userIds, LicenseForm form, Principal staff,
            Model model) {
        if (!form.changesSomething()) {
            model.addAttribute("nothingChosen", true);
            return editor(customer, user, userIds, model);
        }
        try {
            UUID changeId = licenses.change(customer.id(), userIds, form.licenses(), staff.getName());
            return "redirect:/customers/" + customer.id() + "/license-changes/" + changeId;
        }
        catch (SeatsExhausted exhausted) {
            model.addAttribute("seatsExhausted", exhausted);
            return editor(customer, user, userIds, model);
        }
    }

    private String editor(CustomerProfile customer, DirectoryUser user, List<UUID> userIds, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("user", user);
        model.addAttribute("editor", licenses.editor(customer.id(), userIds));
        return "directory/user-licenses";
    }

    /** The selection's users that are still active users of the customer; none left is like no selection. */
    private List<UUID> selected(UUID customerId, UUID selectionId) {
        List<UUID> userIds = selections.userIds(customerId, selectionId);
        if (userIds.isEmpty()) {
            throw new SelectionNotFound(selectionId);
        }
        return userIds;
    }

    private DirectoryUser requireActive(UUID customerId, UUID userId) {
        DirectoryUser user = directory.require(customerId, userId);
        if (user.isDeleted()) {
            throw new UserNotFound(userId);
        }
        return user;
    }
}
