package com.partnerdesk.directory.internal;

import java.util.List;

import com.partnerdesk.directory.RuleViolation;
import com.partnerdesk.directory.UserCreation;

/** What is wrong with the user at {@code index} of a list handed to {@link UserCreation}. */
public record UserViolations(int index, List<RuleViolation> violations) {

    public UserViolations {
        violations = List.copyOf(violations);
    }
}
