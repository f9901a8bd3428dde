package com.partnerdesk.directory.web;

import java.util.Map;
import java.util.UUID;

import com.partnerdesk.directory.LicenseDecision;

/**
 * The "Manage licenses" form: one decision per subscription ({@code licenses[<subscriptionId>]=ASSIGN|REMOVE|KEEP})
 * and, for many users, the selection they were chosen by, resolved again on Save.
 */
record LicenseForm(UUID selection, Map<UUID, LicenseDecision> licenses) {

    LicenseForm {
        licenses = licenses == null ? Map.of() : Map.copyOf(licenses);
    }

    static LicenseForm unchanged(UUID selection) {
        return new LicenseForm(selection, Map.of());
    }

    LicenseDecision decisionFor(UUID subscriptionId) {
        return licenses.getOrDefault(subscriptionId, LicenseDecision.KEEP);
    }

    boolean changesSomething() {
        return licenses.values().stream().anyMatch(decision -> decision != LicenseDecision.KEEP);
    }
}
