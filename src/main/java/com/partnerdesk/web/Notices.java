package com.partnerdesk.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Flash notices shown once after a redirect. They carry message keys, never text, so they render in the admin's
 * language.
 */
public final class Notices {

    private Notices() {
    }

    public static void success(RedirectAttributes redirect, String messageKey, Object... arguments) {
        redirect.addFlashAttribute("noticeKey", messageKey);
        redirect.addFlashAttribute("noticeArguments", arguments);
        redirect.addFlashAttribute("noticeKind", "success");
    }

    public static void warning(RedirectAttributes redirect, String messageKey, Object... arguments) {
        redirect.addFlashAttribute("noticeKey", messageKey);
        redirect.addFlashAttribute("noticeArguments", arguments);
        redirect.addFlashAttribute("noticeKind", "warning");
    }
}
