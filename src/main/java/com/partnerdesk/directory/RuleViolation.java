package com.partnerdesk.directory;

import java.util.List;

/**
 * One broken rule: which field, a message key (in the message bundles) and its arguments.
 */
public record RuleViolation(UserField field, String messageKey, List<Object> arguments) {

    public RuleViolation {
        arguments = List.copyOf(arguments);
    }

    public static RuleViolation of(UserField field, String messageKey, Object... arguments) {
        return new RuleViolation(field, messageKey, List.of(arguments));
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
