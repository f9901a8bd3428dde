package com.partnerdesk.portal.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerdesk.directory.CustomerAccount;
import com.partnerdesk.directory.CustomerSignIn;
import com.partnerdesk.directory.OwnPasswordPolicy;
import com.partnerdesk.licensing.Licensing;
import com.partnerdesk.portal.CustomerUserSessions;
import com.partnerdesk.portal.SignedInCustomerUser;
import com.partnerdesk.security.SignInProblem;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A customer user's own pages: sign-in, the forced password change, and My account. */
@Controller
class PortalController {

    private final CustomerSignIn signIn;

    private final Licensing licensing;

    private final CustomerUserSessions sessions;

    PortalController(CustomerSignIn signIn, Licensing licensing, CustomerUserSessions sessions) {
        this.signIn = signIn;
        this.licensing = licensing;
        this.sessions = sessions;
    }

    /** After a refused sign-in, says why: a wrong password, or a lock and how long it still lasts. */
    @GetMapping("/my/sign-in")
    String signInPage(@RequestParam(required = false) String locked, @RequestParam(required = false) String minutes,
            HttpServletRequest request, Model model) {
        SignInProblem.of(locked, minutes, request.getParameterMap().containsKey("error")).ifPresent(problem -> {
            model.addAttribute("problemKey", problem.messageKey());
            model.addAttribute("problemArguments", problem.arguments());
        });
        return "portal/sign-in";
    }

    @GetMapping({ "/my", "/my/" })
    String home() {
        return "redirect:/my/account";
    }

    @GetMapping("/my/account")
    String account(@AuthenticationPrincipal SignedInCustomerUser user, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<CustomerAccount> account = current(user, request, response);
        if (account.isEmpty()) {
            return "redirect:/my/sign-in?reset";
        }
        if (account.get().mustChangePassword()) {
            return "redirect:/my/change-password";
        }
        model.addAttribute("account", account.get());
        model.addAttribute("licenses", licensing.licensesOf(user.customerId(), List.of(user.userId()))
            .getOrDefault(user.userId(), List.of()));
        return "portal/account";
    }

    @GetMapping("/my/change-password")
    String changePasswordForm(@AuthenticationPrincipal SignedInCustomerUser user, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<CustomerAccount> account = current(user, request, response);
        if (account.isEmpty()) {
            return "redirect:/my/sign-in?reset";
        }
        model.addAttribute("account", account.get());
        model.addAttribute("form", new ChangePasswordForm("", ""));
        model.addAttribute("minLength", OwnPasswordPolicy.MIN_LENGTH);
        return "portal/change-password";
    }

    @PostMapping("/my/change-password")
    String changePassword(@AuthenticationPrincipal SignedInCustomerUser user,
            @ModelAttribute("form") ChangePasswordForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<CustomerAccount> account = current(user, request, response);
        if (account.isEmpty()) {
            return "redirect:/my/sign-in?reset";
        }
        if (!String.valueOf(form.newPassword()).equals(form.confirmation())) {
            result.rejectValue("confirmation", "portal.password.confirmationDiffers");
        }
        else {
            CustomerSignIn.PasswordChange change = signIn.changeOwnPassword(user.customerId(), user.userId(),
                    form.newPassword());
            change.problems().forEach(problem -> result.rejectValue("newPassword", problem,
                    new Object[] { OwnPasswordPolicy.MIN_LENGTH }, null));
            if (change.account().isPresent()) {
                sessions.signInAgain(change.account().get(), request, response);
                return "redirect:/my/account?changed";
            }
        }
        // The bound form stays in the model with its errors; the page never echoes a typed password back.
        model.addAttribute("account", account.get());
        model.addAttribute("minLength", OwnPasswordPolicy.MIN_LENGTH);
        return "portal/change-password";
    }

    /** The account as it is now; a session opened with a password that was since reset is signed out. */
    private Optional<CustomerAccount> current(SignedInCustomerUser user, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<CustomerAccount> account = signIn.account(user.customerId(), user.userId())
            .filter(a -> a.credentialStamp().equals(user.credentialStamp()));
        if (account.isEmpty()) {
            sessions.signOut(request, response);
        }
        return account;
    }

    record ChangePasswordForm(String newPassword, String confirmation) {
    }
}
