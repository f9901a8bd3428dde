package com.partnerdesk.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page, error pages included. */
@ControllerAdvice
class LayoutModel {

    private static final CurrentUrl CURRENT_URL = new CurrentUrl();

    @ModelAttribute("currentUrl")
    CurrentUrl currentUrl() {
        return CURRENT_URL;
    }
}
