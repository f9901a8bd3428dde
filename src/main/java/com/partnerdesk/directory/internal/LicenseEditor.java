package com.partnerdesk.directory.internal;

import java.util.List;

/**
 * What "Manage licenses" shows for a selection of users: every subscription of the customer with who holds it, and
 * the selected users who cannot get a license because they have no usage location.
 *
 * @param withoutUsageLocation the first of those users, by name
 * @param withoutUsageLocationCount how many of the selected users have no usage location
 */
public record LicenseEditor(int selectedUsers, List<LicenseOption> options, List<UserReference> withoutUsageLocation,
        int withoutUsageLocationCount) {

    /** Users listed by name when some lack a usage location; the rest are counted. */
    public static final int NAMED_USERS = 10;
}
