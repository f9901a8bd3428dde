package com.partnerdesk.mail.web;

import java.util.List;

import com.partnerdesk.mail.DemoMailbox;
import com.partnerdesk.mail.DemoMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** The demo mailbox page: what the in-process SMTP server received from the signed-in staff member. */
@Controller
class DemoMailboxController {

    private final ObjectProvider<DemoMailbox> mailbox;

    DemoMailboxController(ObjectProvider<DemoMailbox> mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/demo/mailbox")
    String mailbox(Authentication staff, Model model) {
        DemoMailbox demo = mailbox.getIfAvailable();
        if (demo == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<DemoMessage> messages = demo.sentBy(staff.getName());
        model.addAttribute("messages", messages);
        return "mail/mailbox";
    }
}
