package com.partnerdesk.csvimport.internal;

import java.util.List;

/**
 * Something found while reading one row, as a message key with its arguments.
 *
 * @param severity  {@link Severity#ERROR} means the row cannot be imported as it stands
 */
public record RowNotice(Severity severity, String messageKey, List<Object> arguments) {

    public enum Severity { INFO, WARNING, ERROR }

    public RowNotice {
        arguments = List.copyOf(arguments);
    }

    static RowNotice info(String messageKey, Object... arguments) {
        return new RowNotice(Severity.INFO, messageKey, List.of(arguments));
    }

    static RowNotice warning(String messageKey, Object... arguments) {
        return new RowNotice(Severity.WARNING, messageKey, List.of(arguments));
    }

    static RowNotice error(String messageKey, Object... arguments) {
        return new RowNotice(Severity.ERROR, messageKey, List.of(arguments));
    }
}
