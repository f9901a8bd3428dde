package com.partnerdesk.csvimport.internal;

import java.util.List;

/**
 * One problem or warning about a staged row, as a message key and arguments so that it renders in the language of
 * whoever reads the preview.
 *
 * @param severity {@link RowNotice.Severity#ERROR} keeps the row from being created
 */
public record ImportNote(RowNotice.Severity severity, ImportColumn column, String messageKey, List<Object> arguments) {

    public ImportNote {
        arguments = List.copyOf(arguments);
    }

    static ImportNote error(ImportColumn column, String messageKey, Object... arguments) {
        return new ImportNote(RowNotice.Severity.ERROR, column, messageKey, List.of(arguments));
    }

    public boolean isError() {
        return severity == RowNotice.Severity.ERROR;
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }

    /** The arguments for the page: values from the file are cut, so a pasted essay is never echoed whole. */
    public Object[] shownArguments() {
        return arguments.stream()
                .map(argument -> argument instanceof String text ? StagedRow.shown(text) : argument)
                .toArray();
    }
}
