package com.partnerdesk.directory.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.DirectoryUser;
import com.partnerdesk.directory.internal.PasswordResetHandoffs;
import com.partnerdesk.directory.internal.PasswordResets;
import com.partnerdesk.directory.UserDirectory;
import com.partnerdesk.directory.internal.SelectionNotFound;
import com.partnerdesk.directory.internal.UserNotFound;
import com.partnerdesk.directory.internal.UserSelections;
import com.partnerdesk.handoff.HandoffCookies;
import com.partnerdesk.security.AdminOrHelpdeskAgent;
import com.partnerdesk.security.SignedInStaff;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reset password of one user or of the users selected on the list: a confirmation, then new temporary passwords on the
 * one-time confirmation page.
 */
@Controller
class ResetPasswordController {

    private final Customers customers;

    private final UserDirectory directory;

    private final PasswordResetHandoffs resets;

    private final HandoffCookies cookies;

    private final UserSelections selections;

    private final PasswordResets passwordResets;

    ResetPasswordController(Customers customers, UserDirectory directory, PasswordResetHandoffs resets,
            HandoffCookies cookies, UserSelections selections, PasswordResets passwordResets) {
        this.customers = customers;
        this.directory = directory;
        this.resets = resets;
        this.cookies = cookies;
        this.selections = selections;
        this.passwordResets = passwordResets;
    }

    @GetMapping("/customers/{customerId}/users/{userId}/reset-password")
    @AdminOrHelpdeskAgent
    String confirm(@PathVariable UUID customerId, @PathVariable UUID userId,
            @AuthenticationPrincipal SignedInStaff staff, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        DirectoryUser user = active(customerId, userId);
        model.addAttribute("customer", customer);
        model.addAttribute("users", List.of(user));
        model.addAttribute("allowed", PasswordResets.mayReset(staff.role(), user));
        model.addAttribute("action", "/customers/" + customerId + "/users/" + userId + "/reset-password");
        model.addAttribute("selection", null);
        return "directory/reset-password";
    }

    @PostMapping("/customers/{customerId}/users/{userId}/reset-password")
    @AdminOrHelpdeskAgent
    String reset(@PathVariable UUID customerId, @PathVariable UUID userId,
            @AuthenticationPrincipal SignedInStaff staff, HttpServletRequest request, HttpServletResponse response) {
        customers.require(customerId);
        return cookies.redirectToConfirmation(request, response,
                resets.reset(customerId, List.of(userId), staff.role(), staff.username()));
    }

    @GetMapping("/customers/{customerId}/users/reset-password")
    @AdminOrHelpdeskAgent
    String confirmSelected(@PathVariable UUID customerId, @RequestParam(required = false) UUID selection,
            @AuthenticationPrincipal SignedInStaff staff, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        requirePresent(selection);
        List<DirectoryUser> users = passwordResets.usersToReset(customerId, selections.userIds(customerId, selection));
        model.addAttribute("customer", customer);
        model.addAttribute("users", users);
        model.addAttribute("allowed",
                !users.isEmpty() && users.stream().allMatch(u -> PasswordResets.mayReset(staff.role(), u)));
        model.addAttribute("action", "/customers/" + customerId + "/users/reset-password");
        model.addAttribute("selection", selection);
        return "directory/reset-password";
    }

    /** The selection is resolved again here: user ids are never taken from the page itself. */
    @PostMapping("/customers/{customerId}/users/reset-password")
    @AdminOrHelpdeskAgent
    String resetSelected(@PathVariable UUID customerId, @RequestParam(required = false) UUID selection,
            @AuthenticationPrincipal SignedInStaff staff, HttpServletRequest request, HttpServletResponse response) {
        customers.require(customerId);
        requirePresent(selection);
        List<UUID> userIds = selections.userIds(customerId, selection);
        if (userIds.isEmpty()) {
            throw new SelectionNotFound(selection);
        }
        return cookies.redirectToConfirmation(request, response,
                resets.reset(customerId, userIds, staff.role(), staff.username()));
    }

    /** A missing selection is refused like an unknown one, after the role check rather than before it. */
    private static void requirePresent(UUID selection) {
        if (selection == null) {
            throw new SelectionNotFound(null);
        }
    }

    private DirectoryUser active(UUID customerId, UUID userId) {
        DirectoryUser user = directory.require(customerId, userId);
        if (user.isDeleted()) {
            throw new UserNotFound(userId);
        }
        return user;
    }
}
