package com.partnerdesk.csvimport.internal;

import java.util.List;
import java.util.Objects;

/**
 * One data row of an import file, mapped to PartnerDesk's fields but not yet validated. Text fields are trimmed and
 * never null; a column the template lacks reads as empty. Passwords and "block sign in" flags are deliberately
 * absent.
 *
 * @param row                the row number the spreadsheet shows, for messages
 * @param displayNameDerived the template has no display name column, so it was built from first and last name
 * @param licenses           license names from the Licenses column, split on {@code ;} or {@code |}
 * @param notices            warnings and structural errors found while reading the row
 */
public record ParsedUserRow(
        int row,
        String firstName,
        String lastName,
        String displayName,
        boolean displayNameDerived,
        String email,
        String usageLocation,
        List<String> licenses,
        List<RowNotice> notices) {

    public ParsedUserRow {
        Objects.requireNonNull(firstName);
        Objects.requireNonNull(lastName);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(email);
        Objects.requireNonNull(usageLocation);
        licenses = List.copyOf(licenses);
        notices = List.copyOf(notices);
    }

    /** Whether reading alone already shows the row cannot be imported (for example, its columns are shifted). */
    public boolean hasStructuralError() {
        return notices.stream().anyMatch(notice -> notice.severity() == RowNotice.Severity.ERROR);
    }
}
