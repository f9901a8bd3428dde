package com.partnerdesk.handoff.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.handoff.HandoffCookies;
import com.partnerdesk.handoff.internal.HandoffCsv;
import com.partnerdesk.handoff.internal.HandoffMail;
import com.partnerdesk.handoff.HandoffNotAvailable;
import com.partnerdesk.handoff.internal.HandoffPage;
import com.partnerdesk.handoff.IssuedCredential;
import com.partnerdesk.handoff.PasswordHandoffs;
import com.partnerdesk.mail.DemoMailbox;
import com.partnerdesk.platform.PublicUrl;
import com.partnerdesk.security.AdminOrHelpdeskAgent;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.web.Notices;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-time confirmation page of issued temporary passwords, and its Email and Download actions. Each needs the key
 * cookie that only the issuing staff member's browser holds.
 */
@Controller
@RequestMapping("/customers/{customerId}/handoffs/{handoffId}")
class HandoffController {

    private final Customers customers;

    private final PasswordHandoffs handoffs;

    private final HandoffCookies cookies;

    private final HandoffMail mail;

    private final MessageSource messages;

    private final ObjectProvider<DemoMailbox> demoMailbox;

    private final PublicUrl publicUrl;

    private final Clock clock;

    HandoffController(Customers customers, PasswordHandoffs handoffs, HandoffCookies cookies, HandoffMail mail,
            MessageSource messages, ObjectProvider<DemoMailbox> demoMailbox, PublicUrl publicUrl, Clock clock) {
        this.customers = customers;
        this.handoffs = handoffs;
        this.cookies = cookies;
        this.mail = mail;
        this.messages = messages;
        this.demoMailbox = demoMailbox;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @GetMapping
    String confirmation(@PathVariable UUID customerId, @PathVariable UUID handoffId,
            @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedInStaff staff,
            HttpServletRequest request, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        model.addAttribute("customer", customer);
        Optional<String> key = cookies.key(request, handoffId);
        if (key.isEmpty()) {
            return "handoff/gone";
        }
        try {
            HandoffPage shown = handoffs.show(customerId, handoffId, key.get(), staff.username(), page);
            model.addAttribute("handoff", shown);
            model.addAttribute("handoffId", handoffId);
            model.addAttribute("recipients", staff.email() == null ? "" : staff.email());
            model.addAttribute("signInUrl", signInUrl());
            model.addAttribute("demoMailbox", demoMailbox.getIfAvailable() != null);
            return "handoff/confirmation";
        }
        catch (HandoffNotAvailable gone) {
            return "handoff/gone";
        }
    }

    @PostMapping("/email")
    @AdminOrHelpdeskAgent
    String email(@PathVariable UUID customerId, @PathVariable UUID handoffId, @RequestParam String recipients,
            @AuthenticationPrincipal SignedInStaff staff, HttpServletRequest request, Locale locale,
            RedirectAttributes redirect) {
        CustomerProfile customer = customers.requireProfile(customerId);
        List<String> addresses = HandoffMail.parseRecipients(recipients);
        if (addresses.isEmpty() || addresses.size() > HandoffMail.MAX_RECIPIENTS) {
            Notices.warning(redirect, "handoff.email.invalidRecipients", HandoffMail.MAX_RECIPIENTS);
            return "redirect:" + HandoffCookies.path(customerId, handoffId);
        }
        try {
            mail.send(customerId, handoffId, cookies.key(request, handoffId).orElseThrow(HandoffNotAvailable::new),
                    staff.username(), customer.companyName(), addresses, signInUrl(), locale);
            Notices.success(redirect, "handoff.email.sent", String.join(", ", addresses));
        }
        catch (HandoffNotAvailable gone) {
            Notices.warning(redirect, "handoff.gone.title");
        }
        catch (MailException failed) {
            Notices.warning(redirect, "handoff.email.failed");
        }
        return "redirect:" + HandoffCookies.path(customerId, handoffId);
    }

    @GetMapping("/download")
    ResponseEntity<byte[]> download(@PathVariable UUID customerId, @PathVariable UUID handoffId,
            @AuthenticationPrincipal SignedInStaff staff, HttpServletRequest request, Locale locale) {
        customers.require(customerId);
        try {
            List<IssuedCredential> credentials = handoffs.contents(customerId, handoffId,
                    cookies.key(request, handoffId).orElseThrow(HandoffNotAvailable::new), staff.username());
            byte[] csv = HandoffCsv.write(List.of(text("user.displayName", locale), text("user.username", locale),
                    text("handoff.temporaryPassword", locale)), credentials);
            return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("temporary-passwords-" + LocalDate.now(clock) + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv);
        }
        catch (HandoffNotAvailable gone) {
            return ResponseEntity.status(303)
                .header(HttpHeaders.LOCATION, request.getContextPath() + HandoffCookies.path(customerId, handoffId))
                .build();
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** Printed and emailed to people outside this browser, so it names the public address when one is set. */
    private String signInUrl() {
        return publicUrl.link("/my/sign-in");
    }
}
