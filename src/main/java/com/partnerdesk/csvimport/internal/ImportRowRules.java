package com.partnerdesk.csvimport.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.partnerdesk.directory.RuleViolation;
import com.partnerdesk.directory.UserAccountRules;
import com.partnerdesk.directory.UserField;
import com.partnerdesk.directory.UserProfile;

/**
 * Judges one row on its own with the directory's {@link UserAccountRules}, the very rules of the single-user form,
 * plus what only a file has: structural problems found while reading and license names.
 */
public final class ImportRowRules {

    private final UserAccountRules rules;

    private final Collection<String> verifiedDomains;

    private final LicenseNames licenses;

    public ImportRowRules(UserAccountRules rules, Collection<String> verifiedDomains, LicenseNames licenses) {
        this.rules = rules;
        this.verifiedDomains = verifiedDomains;
        this.licenses = licenses;
    }

    public JudgedRow judge(ParsedUserRow row) {
        List<ImportNote> notes = new ArrayList<>();
        for (RowNotice notice : row.notices()) {
            notes.add(new ImportNote(notice.severity(), columnOf(notice), notice.messageKey(), notice.arguments()));
        }
        if (row.hasStructuralError()) {
            // Values may sit in the wrong columns; judging them would only add misleading reasons.
            return new JudgedRow(row, storedUsername(row.email()), Set.of(), notes);
        }
        UserProfile profile = new UserProfile(row.firstName(), row.lastName(), row.displayName(), row.email(),
                row.usageLocation(), Set.of());
        for (RuleViolation violation : rules.check(profile, verifiedDomains)) {
            notes.add(ImportNote.error(columnOf(violation.field()), violation.messageKey(), violation.argumentArray()));
        }
        Set<UUID> subscriptionIds = new LinkedHashSet<>();
        for (String name : row.licenses()) {
            Optional<UUID> subscription = licenses.find(name);
            if (subscription.isPresent()) {
                subscriptionIds.add(subscription.get());
            }
            else {
                notes.add(ImportNote.error(ImportColumn.LICENSES, "import.row.licenseUnknown", name,
                        licenses.knownNames()));
            }
        }
        return new JudgedRow(row, storedUsername(row.email()), subscriptionIds, notes);
    }

    /** Domains are case-insensitive and stored lower-case; the local part keeps the case the admin typed. */
    public static String storedUsername(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static ImportColumn columnOf(RowNotice notice) {
        return switch (notice.messageKey()) {
            case "import.row.statusUpdateIgnored" -> ImportColumn.STATUS_UPDATE;
            case "import.row.blockSignInNotApplied" -> ImportColumn.BLOCK_SIGN_IN;
            default -> ImportColumn.ROW;
        };
    }

    private static ImportColumn columnOf(UserField field) {
        return switch (field) {
            case FIRST_NAME -> ImportColumn.FIRST_NAME;
            case LAST_NAME -> ImportColumn.LAST_NAME;
            case DISPLAY_NAME -> ImportColumn.DISPLAY_NAME;
            case USERNAME -> ImportColumn.EMAIL;
            case USAGE_LOCATION -> ImportColumn.USAGE_LOCATION;
            // The import template has no column for the optional details, so no row can break their rules.
            case JOB_TITLE, DEPARTMENT, OFFICE_PHONE, MOBILE_PHONE, ALTERNATE_EMAIL -> ImportColumn.ROW;
        };
    }
}
