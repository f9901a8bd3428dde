package com.partnerdesk.csvimport.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A row after the shared user rules have judged it on its own; file-level rules (duplicates, existing users) may
 * still reject it.
 *
 * @param username        the email as it would be stored: the domain lower-cased, the local part as typed
 * @param subscriptionIds the customer's subscriptions its Licenses cell names
 */
public record JudgedRow(ParsedUserRow parsed, String username, Set<UUID> subscriptionIds, List<ImportNote> notes) {

    public JudgedRow {
        subscriptionIds = Set.copyOf(subscriptionIds);
        notes = List.copyOf(notes);
    }

    public boolean isValid() {
        return notes.stream().noneMatch(ImportNote::isError);
    }

    boolean hasWarning() {
        return notes.stream().anyMatch(note -> !note.isError());
    }
}
