package com.partnerdesk.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.partnerdesk.security.SignInThrottled;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    /** After a refused sign-in, says why: a wrong password, or a lock and how long it still lasts. */
    @GetMapping("/sign-in")
    String signIn(HttpServletRequest request, Model model) {
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof SignInThrottled lock) {
                model.addAttribute("problemKey", lock.getScope() == SignInThrottled.Scope.ACCOUNT ? "signIn.locked"
                        : "signIn.addressLocked");
                model.addAttribute("problemArguments", new Object[] { lock.getMinutesLeft() });
            }
            else {
                model.addAttribute("problemKey", "signIn.failed");
                model.addAttribute("problemArguments", new Object[0]);
            }
        }
        return "security/sign-in";
    }
}
