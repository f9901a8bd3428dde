package com.partnerdesk.directory.web;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.DeletionPreview;
import com.partnerdesk.directory.internal.DirectorySettings;
import com.partnerdesk.directory.internal.DirectoryUser;
import com.partnerdesk.directory.internal.LastGlobalAdminNotConfirmed;
import com.partnerdesk.directory.internal.UserDeletion;
import com.partnerdesk.directory.internal.UserSelections;
import com.partnerdesk.security.AdminAgentOnly;
import com.partnerdesk.web.Notices;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Delete user account: a confirmation page that names the users and their licenses, then the deletion. Deleting the
 * customer's last Global admin needs a second, explicit confirmation on the same page.
 */
@Controller
class DeleteUsersController {

    private final Customers customers;

    private final UserDeletion deletion;

    private final UserSelections selections;

    private final DirectorySettings settings;

    DeleteUsersController(Customers customers, UserDeletion deletion, UserSelections selections,
            DirectorySettings settings) {
        this.customers = customers;
        this.deletion = deletion;
        this.selections = selections;
        this.settings = settings;
    }

    @GetMapping("/customers/{customerId}/users/{userId}/delete")
    @AdminAgentOnly
    String confirmOne(@PathVariable UUID customerId, @PathVariable UUID userId, Model model) {
        return confirmation(customers.requireProfile(customerId), List.of(userId), null, false, model);
    }

    @PostMapping("/customers/{customerId}/users/{userId}/delete")
    @AdminAgentOnly
    String deleteOne(@PathVariable UUID customerId, @PathVariable UUID userId, DeleteForm form, Principal staff,
            Model model, RedirectAttributes redirect) {
        return delete(customers.requireProfile(customerId), List.of(userId), null, form, staff, model, redirect);
    }

    /**
     * The users selected on the list; the selection is resolved again on Delete, never trusted from the page. A
     * missing selection is refused as unknown, after the role check.
     */
    @GetMapping("/customers/{customerId}/users/delete")
    @AdminAgentOnly
    String confirmSelected(@PathVariable UUID customerId, @RequestParam(required = false) UUID selection, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        return confirmation(customer, selections.userIds(customerId, selection), selection, false, model);
    }

    @PostMapping("/customers/{customerId}/users/delete")
    @AdminAgentOnly
    String deleteSelected(@PathVariable UUID customerId, @RequestParam(required = false) UUID selection, DeleteForm form,
            Principal staff, Model model, RedirectAttributes redirect) {
        CustomerProfile customer = customers.requireProfile(customerId);
        return delete(customer, selections.userIds(customerId, selection), selection, form, staff, model, redirect);
    }

    private String confirmation(CustomerProfile customer, List<UUID> userIds, UUID selection, boolean lastAdminError, Model model) {
        DeletionPreview preview = deletion.preview(customer.id(), userIds);
        model.addAttribute("customer", customer);
        model.addAttribute("preview", preview);
        model.addAttribute("selection", selection);
        model.addAttribute("lastAdminError", lastAdminError);
        model.addAttribute("restoreDays", settings.restoreWindow().toDays());
        return "directory/delete-users";
    }

    private String delete(CustomerProfile customer, List<UUID> userIds, UUID selection, DeleteForm form, Principal staff, Model model,
            RedirectAttributes redirect) {
        try {
            List<DirectoryUser> deleted = deletion.delete(customer.id(), userIds, form.confirmsLastGlobalAdmin(),
                    staff.getName());
            if (deleted.size() == 1) {
                Notices.success(redirect, "delete.done.one", deleted.get(0).getDisplayName());
            }
            else {
                Notices.success(redirect, "delete.done.many", deleted.size());
            }
            return "redirect:/customers/" + customer.id() + "/users";
        }
        catch (LastGlobalAdminNotConfirmed refused) {
            return confirmation(customer, userIds, selection, true, model);
        }
    }

    /** @param confirmLastGlobalAdmin the second confirmation, shown only when no Global admin would remain */
    record DeleteForm(Boolean confirmLastGlobalAdmin) {

        boolean confirmsLastGlobalAdmin() {
            return Boolean.TRUE.equals(confirmLastGlobalAdmin);
        }
    }
}
