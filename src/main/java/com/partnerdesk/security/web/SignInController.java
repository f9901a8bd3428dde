package com.partnerdesk.security.web;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerdesk.security.SignInProblem;

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
        SignInProblem.of(locked, minutes, request.getParameterMap().containsKey("error")).ifPresent(problem -> {
            model.addAttribute("problemKey", problem.messageKey());
            model.addAttribute("problemArguments", problem.arguments());
        });
        return "security/sign-in";
    }
}
