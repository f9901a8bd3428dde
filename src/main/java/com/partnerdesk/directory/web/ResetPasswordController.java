package com.partnerdesk.directory.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerdesk.customer.Customer;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.DirectoryUser;
import com.partnerdesk.directory.PasswordResets;
import com.partnerdesk.directory.UserDirectory;
import com.partnerdesk.directory.UserNotFound;
import com.partnerdesk.handoff.HandoffCookies;
import com.partnerdesk.security.AdminOrHelpdeskAgent;
import com.partnerdesk.security.SignedInStaff;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Reset password of one user: a confirmation, then new temporary passwords on the one-time confirmation page. */
@Controller
class ResetPasswordController {

    private final Customers customers;

    private final UserDirectory directory;

    private final ResetPasswordRuns resets;

    private final HandoffCookies cookies;

    ResetPasswordController(Customers customers, UserDirectory directory, ResetPasswordRuns resets,
            HandoffCookies cookies) {
        this.customers = customers;
        this.directory = directory;
        this.resets = resets;
        this.cookies = cookies;
    }

    @GetMapping("/customers/{customerId}/users/{userId}/reset-password")
    @AdminOrHelpdeskAgent
    String confirm(@PathVariable UUID customerId, @PathVariable UUID userId,
            @AuthenticationPrincipal SignedInStaff staff, Model model) {
        Customer customer = customers.require(customerId);
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

    private DirectoryUser active(UUID customerId, UUID userId) {
        DirectoryUser user = directory.require(customerId, userId);
        if (user.isDeleted()) {
            throw new UserNotFound(userId);
        }
        return user;
    }
}
