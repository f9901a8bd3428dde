package com.partnerdesk.directory;

import java.util.List;

import com.partnerdesk.directory.internal.UserViolations;

/** None of the users was created because some broke a rule; each broken rule is listed by the user's index. */
public class UserCreationRefused extends RuntimeException {

    private final List<UserViolations> violations;

    public UserCreationRefused(List<UserViolations> violations) {
        super(violations.size() + " of the users break a rule");
        this.violations = List.copyOf(violations);
    }

    public List<UserViolations> getViolations() {
        return violations;
    }

    /** The broken rules of the user at that index, or none. */
    public List<RuleViolation> violationsOf(int index) {
        return violations.stream().filter(v -> v.index() == index).flatMap(v -> v.violations().stream()).toList();
    }
}
