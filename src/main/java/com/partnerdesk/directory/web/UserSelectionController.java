package com.partnerdesk.directory.web;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.UserSelections;
import com.partnerdesk.directory.web.UsersController.UserListParameters;
import com.partnerdesk.security.AdminOrHelpdeskAgent;
import com.partnerdesk.web.Notices;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Hands the users picked on the list to a bulk action: stores them as a selection and opens the action's page with
 * the selection's id. Each action page checks its own roles.
 */
@Controller
class UserSelectionController {

    /** The bulk actions the list offers; each has a page at {@code /customers/{id}/users/{action}}. */
    static final Set<String> ACTIONS = Set.of("licenses", "reset-password", "delete");

    private final Customers customers;

    private final UserSelections selections;

    UserSelectionController(Customers customers, UserSelections selections) {
        this.customers = customers;
        this.selections = selections;
    }

    @PostMapping("/customers/{customerId}/users/selection")
    @AdminOrHelpdeskAgent
    String select(@PathVariable UUID customerId, @RequestParam String action,
            @RequestParam(name = "userId", required = false) List<UUID> userIds,
            @RequestParam(defaultValue = "false") boolean allMatching, UserListParameters filter, Principal staff,
            RedirectAttributes redirect) {
        customers.require(customerId);
        String backToList = UriComponentsBuilder.fromPath("/customers/{id}/users").buildAndExpand(customerId).toString();
        if (!ACTIONS.contains(action)) {
            return "redirect:" + backToList;
        }
        if (!allMatching && (userIds == null || userIds.isEmpty())) {
            Notices.warning(redirect, "users.selection.empty");
            return "redirect:" + backToList;
        }
        UUID selectionId = allMatching ? selections.createMatching(customerId, filter.toFilter(), staff.getName())
                : selections.create(customerId, userIds, staff.getName());
        return "redirect:" + UriComponentsBuilder.fromPath("/customers/{id}/users/{action}")
            .queryParam("selection", selectionId)
            .buildAndExpand(customerId, action);
    }
}
