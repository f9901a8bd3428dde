package com.partnerdesk.directory.internal;

import java.util.List;

import com.partnerdesk.directory.RuleViolation;

/** The new username offered for a restore breaks the account rules or is taken. Nothing was restored. */
public class InvalidNewUsername extends RuntimeException {

    private final List<RuleViolation> violations;

    public InvalidNewUsername(List<RuleViolation> violations) {
        super("The new username is not acceptable: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> getViolations() {
        return violations;
    }
}
