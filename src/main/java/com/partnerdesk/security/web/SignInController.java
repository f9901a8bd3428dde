package com.partnerdesk.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    @GetMapping("/sign-in")
    String signIn() {
        return "security/sign-in";
    }
}
