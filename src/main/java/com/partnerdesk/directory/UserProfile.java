package com.partnerdesk.directory;

import java.util.Set;

import com.partnerdesk.directory.internal.AdminRole;
import com.partnerdesk.directory.internal.DirectoryUser;

/**
 * What an admin states about a user: names, sign-in name, usage location and admin roles. Validated by
 * {@link UserAccountRules} before it reaches a {@link DirectoryUser}. The usage location is kept as ISO writes it
 * (upper case) however it was typed.
 */
public record UserProfile(String firstName, String lastName, String displayName, String username,
        String usageLocation, Set<AdminRole> adminRoles) {

    public UserProfile {
        usageLocation = UserAccountRules.normaliseUsageLocation(usageLocation);
        adminRoles = adminRoles == null ? Set.of() : Set.copyOf(adminRoles);
    }
}
