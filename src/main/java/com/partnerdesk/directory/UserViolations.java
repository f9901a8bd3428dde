package com.partnerdesk.directory;

import java.util.List;

/** What is wrong with the user at {@code index} of a list handed to {@link UserCreation}. */
public record UserViolations(int index, List<RuleViolation> violations) {

    public UserViolations {
        violations = List.copyOf(violations);
    }
}
