package com.partnerdesk.customer.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

import com.partnerdesk.audit.AuditEntry;
import com.partnerdesk.audit.AuditTrail;
import com.partnerdesk.customer.CustomerProfile;
import com.partnerdesk.customer.Customers;
import com.partnerdesk.security.SignInRefusalSummary;
import com.partnerdesk.security.SignInRefusals;
import com.partnerdesk.web.PageRequests;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A customer's Activity tab: its audit trail, newest first, for every staff role, and above it the latest refused
 * sign-ins of its users, which are counted per hour and address range rather than listed one by one.
 */
@Controller
class ActivityController {

    private final Customers customers;

    private final AuditTrail audit;

    private static final int REFUSALS_SHOWN = 20;

    private final SignInRefusals refusals;

    private final ZoneId timeZone;

    ActivityController(Customers customers, AuditTrail audit, SignInRefusals refusals,
            @Value("${partnerdesk.time-zone:UTC}") ZoneId timeZone) {
        this.customers = customers;
        this.audit = audit;
        this.refusals = refusals;
        this.timeZone = timeZone;
    }

    @GetMapping("/customers/{customerId}/activity")
    String activity(@PathVariable UUID customerId, ActivityParameters parameters, Locale locale, Model model) {
        CustomerProfile customer = customers.requireProfile(customerId);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withZone(timeZone);
        Page<ActivityRow> entries = audit
            .forCustomer(customerId, parameters.actionOrNull(), parameters.actorOrNull(),
                    PageRequests.of(parameters.page(), parameters.size()))
            .map(entry -> ActivityRow.of(entry, when));
        model.addAttribute("customer", customer);
        model.addAttribute("params", parameters);
        model.addAttribute("actions", audit.actionsRecordedFor(customerId));
        model.addAttribute("entries", entries);
        model.addAttribute("refusals", refusals.latestFor(customerId, REFUSALS_SHOWN).stream()
            .map(refusal -> RefusalRow.of(refusal, when))
            .toList());
        model.addAttribute("timeZone", timeZone.getId());
        return "customer/activity";
    }

    /** The tab's URL parameters; over-long values were not typed by hand and are cut rather than refused. */
    record ActivityParameters(String action, String actor, Integer page, Integer size) {

        public String actionOrNull() {
            return trimmed(action, 60);
        }

        public String actorOrNull() {
            return trimmed(actor, 100);
        }

        private static String trimmed(String value, int max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String stripped = value.strip();
            return stripped.substring(0, Math.min(stripped.length(), max));
        }
    }

    /** Refused sign-ins of one user from one address range within an hour, as the tab says them. */
    record RefusalRow(int attempts, String username, String addressRange, boolean otherRanges, String lastAddress,
            String reason, String from, String to, String isoTo) {

        static RefusalRow of(SignInRefusalSummary refusal, DateTimeFormatter when) {
            return new RefusalRow(refusal.attempts(), refusal.account(), refusal.addressRange(),
                    SignInRefusals.OTHER_RANGES.equals(refusal.addressRange()), refusal.lastAddress(),
                    refusal.reason().name(), when.format(refusal.firstAt()), when.format(refusal.lastAt()),
                    refusal.lastAt().toString());
        }
    }

    record ActivityRow(String when, String isoWhen, String actor, String action, String target, String outcome,
            String details) {

        static ActivityRow of(AuditEntry entry, DateTimeFormatter when) {
            return new ActivityRow(when.format(entry.getOccurredAt()), entry.getOccurredAt().toString(),
                    entry.getActor(), entry.getAction(), entry.getTarget(), entry.getOutcome().name(),
                    entry.getDetails());
        }
    }
}
