package com.partnerdesk.security.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

    /** After a refused sign-in, says why: a wrong password, or a lock and how long it still lasts. */
    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String locked, @RequestParam(required = false) String minutes,
            HttpServletRequest request, Model model) {
        if ("account".equals(locked) || "address".equals(locked)) {
            model.addAttribute("problemKey", "account".equals(locked) ? "signIn.locked" : "signIn.addressLocked");
            model.addAttribute("problemArguments", new Object[] { minutesFrom(minutes) });
        }
        else if (request.getParameterMap().containsKey("error")) {
            model.addAttribute("problemKey", "signIn.failed");
            model.addAttribute("problemArguments", new Object[0]);
        }
        return "security/sign-in";
    }

    private static long minutesFrom(String minutes) {
        try {
            return Math.min(Math.max(Long.parseLong(minutes), 1), 24 * 60);
        }
        catch (NumberFormatException unreadable) {
            return 15;
        }
    }
}
