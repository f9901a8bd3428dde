package com.partnerdesk.directory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.partnerdesk.licensing.HeldLicense;

/**
 * One line of the Users and licenses list. The list shows at most two license badges and counts the rest; what it
 * shows is worked out here once rather than in the template, which renders this row for every user on the page.
 */
public record UserListRow(UUID id, String displayName, String username, Set<AdminRole> adminRoles,
        List<HeldLicense> licenses, boolean passwordTemporary, Instant createdAt) {

    static final int LICENSE_BADGES = 2;

    /** The licenses shown as badges. */
    public List<HeldLicense> badgeLicenses() {
        return licenses.size() <= LICENSE_BADGES ? licenses : licenses.subList(0, LICENSE_BADGES);
    }

    /** How many licenses the badges leave out. */
    public int moreLicenseCount() {
        return Math.max(0, licenses.size() - LICENSE_BADGES);
    }

    /** The names of the licenses the badges leave out, for screen readers and the tooltip. */
    public String moreLicenseNames() {
        return licenses.stream().skip(LICENSE_BADGES).map(HeldLicense::productName).collect(Collectors.joining(", "));
    }

    /** The day the account was created, in the server's time zone. */
    public LocalDate createdOn() {
        return LocalDate.ofInstant(createdAt, ZoneId.systemDefault());
    }
}
