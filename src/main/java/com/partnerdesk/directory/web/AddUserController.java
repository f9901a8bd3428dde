package com.partnerdesk.directory.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.directory.internal.AddUserHandoffs;
import com.partnerdesk.directory.internal.AdminRole;
import com.partnerdesk.directory.RuleViolation;
import com.partnerdesk.directory.UserCreationRefused;
import com.partnerdesk.handoff.HandoffCookies;
import com.partnerdesk.handoff.HandoffNotAvailable;
import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.OpenedHandoff;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.licensing.SeatsExhausted;
import com.partnerdesk.security.AdminAgentOnly;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.web.Notices;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Add user: Save creates the user and shows its temporary password; Add another user saves and opens an empty form,
 * keeping the run; Complete ends the run (saving what was typed, if anything) and shows every password of the run once.
 * The run is its handoff: its id travels in the form, its key in a cookie for this page only.
 */
@Controller
@RequestMapping("/customers/{customerId}/users/new")
class AddUserController {

    private final Customers customers;

    private final Licensing licensing;

    private final AddUserHandoffs runs;

    private final PasswordHandoffs handoffs;

    private final HandoffCookies cookies;

    AddUserController(Customers customers, Licensing licensing, AddUserHandoffs runs, PasswordHandoffs handoffs,
            HandoffCookies cookies) {
        this.customers = customers;
        this.licensing = licensing;
        this.runs = runs;
        this.handoffs = handoffs;
        this.cookies = cookies;
    }

    @GetMapping
    @AdminAgentOnly
    String form(@PathVariable UUID customerId, @RequestParam(required = false) UUID run,
            @AuthenticationPrincipal SignedInStaff staff, HttpServletRequest request, Locale locale, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        return show(customer, AddUserForm.empty(customer.primaryDomain()), runOf(request, customerId, run), staff,
                locale, model);
    }

    @PostMapping
    @AdminAgentOnly
    String save(@PathVariable UUID customerId, @ModelAttribute("form") AddUserForm form, BindingResult result,
            @RequestParam(defaultValue = "save") String action, @RequestParam(required = false) UUID run,
            @AuthenticationPrincipal SignedInStaff staff, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model, RedirectAttributes redirect) {
        CustomerProfile customer = customers.requireProfile(customerId);
        Optional<OpenedHandoff> current = runOf(request, customerId, run);
        if (result.hasErrors()) {
            return show(customer, form, current, staff, locale, model);
        }
        if ("complete".equals(action) && form.isEmpty() && current.isPresent()) {
            return complete(current.get(), request, response);
        }
        AddUserHandoffs.Saved saved;
        try {
            saved = runs.save(customerId, form.toNewUser(), current, staff.username());
        }
        catch (UserCreationRefused refused) {
            for (RuleViolation violation : refused.violationsOf(0)) {
                result.rejectValue(AddUserForm.fieldOf(violation.field()), violation.messageKey(),
                        violation.argumentArray(), null);
            }
            return show(customer, form, current, staff, locale, model);
        }
        catch (SeatsExhausted exhausted) {
            result.rejectValue("subscriptionIds", "create.licenses.exhausted",
                    new Object[] { exhausted.getProductName() }, null);
            return show(customer, form, current, staff, locale, model);
        }
        if (saved.runLost()) {
            Notices.warning(redirect, "create.runLost");
        }
        if ("another".equals(action)) {
            cookies.handTo(request, response, saved.handoff(), runPath(customerId));
            if (!saved.runLost()) {
                Notices.success(redirect, "create.saved", saved.user().displayName());
            }
            return "redirect:" + runPath(customerId) + "?run=" + saved.handoff().id();
        }
        return complete(saved.handoff(), request, response);
    }

    private String complete(OpenedHandoff handoff, HttpServletRequest request, HttpServletResponse response) {
        cookies.forget(request, response, handoff.id(), runPath(handoff.customerId()));
        return cookies.redirectToConfirmation(request, response, handoff);
    }

    private String show(CustomerProfile customer, AddUserForm form, Optional<OpenedHandoff> run, SignedInStaff staff,
            Locale locale, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("form", form);
        model.addAttribute("subscriptions", licensing.subscriptionsOf(customer.id()));
        model.addAttribute("roles", AdminRole.values());
        model.addAttribute("countries", countries(locale));
        model.addAttribute("run", run.map(OpenedHandoff::id).orElse(null));
        model.addAttribute("runUsers", run.map(r -> addedSoFar(r, staff)).orElse(List.of()));
        return "directory/add-user";
    }

    private List<String> addedSoFar(OpenedHandoff run, SignedInStaff staff) {
        try {
            return handoffs.contents(run.customerId(), run.id(), run.key(), staff.username())
                .stream()
                .map(IssuedCredential::displayName)
                .toList();
        }
        catch (HandoffNotAvailable gone) {
            return List.of();
        }
    }

    private Optional<OpenedHandoff> runOf(HttpServletRequest request, UUID customerId, UUID run) {
        return run == null ? Optional.empty() : cookies.handoff(request, customerId, run);
    }

    private static String runPath(UUID customerId) {
        return "/customers/" + customerId + "/users/new";
    }

    /** ISO 3166 countries by their name in the admin's language. */
    static List<Country> countries(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
            .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
            .sorted(Comparator.comparing(Country::name, collator))
            .toList();
    }

    record Country(String code, String name) {
    }
}
