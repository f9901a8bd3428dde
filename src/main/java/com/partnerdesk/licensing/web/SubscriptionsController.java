package com.partnerdesk.licensing.web;

import java.util.UUID;

import jakarta.validation.Valid;

import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.internal.ProductAlreadySubscribed;
import com.partnerdesk.licensing.internal.SeatCountBelowAssigned;
import com.partnerdesk.licensing.Subscription;
import com.partnerdesk.security.AdminAgentOnly;
import com.partnerdesk.web.Notices;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Subscriptions tab: every signed-in staff member reads it, only an Admin agent changes it. */
@Controller
class SubscriptionsController {

    private final Customers customers;

    private final Licensing licensing;

    SubscriptionsController(Customers customers, Licensing licensing) {
        this.customers = customers;
        this.licensing = licensing;
    }

    @GetMapping("/customers/{customerId}/subscriptions")
    String subscriptions(@PathVariable UUID customerId, Model model) {
        model.addAttribute("form", new AddSubscriptionForm(null, null));
        return page(customers.requireProfile(customerId), model);
    }

    @PostMapping("/customers/{customerId}/subscriptions")
    @AdminAgentOnly
    String add(@PathVariable UUID customerId, @Valid @ModelAttribute("form") AddSubscriptionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CustomerProfile customer = customers.requireProfile(customerId);
        if (!result.hasErrors() && licensing.productsNotSubscribed(customerId)
            .stream()
            .noneMatch(product -> product.getSku().equals(form.sku()))) {
            result.rejectValue("sku", "subscriptions.add.productUnavailable");
        }
        if (result.hasErrors()) {
            return page(customer, model);
        }
        try {
            Subscription subscription = licensing.addSubscription(customerId, form.sku(), form.seats());
            Notices.success(redirect, "subscriptions.added", subscription.getProductName(), form.seats());
            return "redirect:/customers/" + customerId + "/subscriptions";
        }
        catch (ProductAlreadySubscribed taken) {
            result.rejectValue("sku", "subscriptions.add.alreadySubscribed", new Object[] { taken.getProductName() },
                    null);
            return page(customer, model);
        }
    }

    @PostMapping("/customers/{customerId}/subscriptions/{subscriptionId}/seats")
    @AdminAgentOnly
    String changeSeats(@PathVariable UUID customerId, @PathVariable UUID subscriptionId,
            @Valid @ModelAttribute("seatsForm") SeatCountForm form, BindingResult result,
            RedirectAttributes redirect) {
        customers.require(customerId);
        Subscription subscription = licensing.requireSubscription(customerId, subscriptionId);
        if (result.hasErrors()) {
            Notices.warning(redirect, "subscriptions.seats.invalid", subscription.getProductName(),
                    SeatCountForm.MAX_SEATS);
            return "redirect:/customers/" + customerId + "/subscriptions";
        }
        try {
            licensing.changeSeatsTotal(customerId, subscriptionId, form.seatsTotal());
            Notices.success(redirect, "subscriptions.seats.changed", subscription.getProductName(), form.seatsTotal());
        }
        catch (SeatCountBelowAssigned below) {
            Notices.warning(redirect, "subscriptions.seats.belowAssigned", below.getProductName(),
                    below.getRequestedTotal(), below.getSeatsAssigned());
        }
        return "redirect:/customers/" + customerId + "/subscriptions";
    }

    private String page(CustomerProfile customer, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("subscriptions", licensing.subscriptionsOf(customer.id()));
        model.addAttribute("products", licensing.productsNotSubscribed(customer.id()));
        model.addAttribute("maxSeats", SeatCountForm.MAX_SEATS);
        return "licensing/subscriptions";
    }
}
