package com.partnerdesk.directory.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.partnerdesk.directory.internal.LicenseDecision;

/**
 * The "Manage licenses" form: one decision per subscription ({@code licenses[<subscriptionId>]=ASSIGN|REMOVE|KEEP})
 * and, for many users, the selection they were chosen by, resolved again on Save.
 */
public record LicenseForm(UUID selection, Map<UUID, LicenseDecision> licenses) {

    /** Mutable on purpose: after constructing the record, the data binder sets each {@code licenses[…]} again. */
    public LicenseForm {
        licenses = licenses == null ? new HashMap<>() : new HashMap<>(licenses);
    }

    static LicenseForm unchanged(UUID selection) {
        return new LicenseForm(selection, Map.of());
    }

    public LicenseDecision decisionFor(UUID subscriptionId) {
        return licenses.getOrDefault(subscriptionId, LicenseDecision.KEEP);
    }

    boolean changesSomething() {
        return licenses.values().stream().anyMatch(decision -> decision != LicenseDecision.KEEP);
    }
}
