package com.partnerdesk.security.web;

import java.util.UUID;

import com.partnerdesk.security.AdminAgentOnly;
import com.partnerdesk.security.SignedInStaff;
import com.partnerdesk.security.StaffSessions;
import com.partnerdesk.web.Notices;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner's staff, for Admin agents: who has which role, and ending a member's sessions. */
@Controller
@AdminAgentOnly
class StaffController {

    private final StaffSessions sessions;

    StaffController(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/staff")
    String staff(@AuthenticationPrincipal SignedInStaff me, Model model) {
        model.addAttribute("members", sessions.all());
        model.addAttribute("me", me.id());
        return "security/staff";
    }

    /**
     * Not for the Admin agent's own sessions: the request doing it would end its own session while still writing to
     * it. Signing out does that.
     */
    @PostMapping("/staff/{staffId}/end-sessions")
    String endSessions(@AuthenticationPrincipal SignedInStaff me, @PathVariable UUID staffId,
            RedirectAttributes redirect) {
        if (staffId.equals(me.id())) {
            Notices.warning(redirect, "staff.endOwnSessions");
            return "redirect:/staff";
        }
        String username = sessions.endSessionsOf(staffId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Notices.success(redirect, "staff.sessionsEnded", username);
        return "redirect:/staff";
    }
}
