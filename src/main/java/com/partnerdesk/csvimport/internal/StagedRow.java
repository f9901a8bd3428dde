package com.partnerdesk.csvimport.internal;

import java.util.List;

/** A staged row as the preview and the rejected-rows download show it. */
public record StagedRow(int rowNumber, String firstName, String lastName, String displayName,
        boolean displayNameDerived, String email, String usageLocation, String licenses, boolean valid,
        List<ImportNote> notes) {

    /** The longest value the preview echoes; longer ones are cut so that a pasted essay cannot flood the page. */
    public static final int SHOWN_LENGTH = 60;

    public StagedRow {
        notes = List.copyOf(notes);
    }

    public List<ImportNote> errors() {
        return notes.stream().filter(ImportNote::isError).toList();
    }

    public List<ImportNote> warnings() {
        return notes.stream().filter(note -> !note.isError()).toList();
    }

    public String valueOf(ImportColumn column) {
        return switch (column) {
            case FIRST_NAME -> firstName;
            case LAST_NAME -> lastName;
            case DISPLAY_NAME -> displayName;
            case EMAIL -> email;
            case USAGE_LOCATION -> usageLocation;
            case LICENSES -> licenses;
            default -> "";
        };
    }

    /** Cut to {@link #SHOWN_LENGTH} code points, with an ellipsis when something was left out. */
    public static String shown(String value) {
        if (value == null || value.codePointCount(0, value.length()) <= SHOWN_LENGTH) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, SHOWN_LENGTH)) + "…";
    }
}
