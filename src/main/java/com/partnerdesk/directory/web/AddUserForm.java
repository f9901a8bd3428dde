package com.partnerdesk.directory.web;

import java.util.Set;
import java.util.UUID;

import com.partnerdesk.directory.internal.AdminRole;
import com.partnerdesk.directory.NewUser;
import com.partnerdesk.directory.UserField;
import com.partnerdesk.directory.UserProfile;

/** The Add user form: the username is typed as a local part and a domain picked from the verified ones. */
record AddUserForm(String firstName, String lastName, String displayName, String localPart, String domain,
        String usageLocation, Set<AdminRole> adminRoles, Set<UUID> subscriptionIds) {

    AddUserForm {
        adminRoles = adminRoles == null ? Set.of() : Set.copyOf(adminRoles);
        subscriptionIds = subscriptionIds == null ? Set.of() : Set.copyOf(subscriptionIds);
    }

    static AddUserForm empty(String domain) {
        return new AddUserForm("", "", "", "", domain, "", Set.of(), Set.of());
    }

    /** Nothing typed or picked: Complete on an empty form only ends the run. */
    boolean isEmpty() {
        return isBlank(firstName) && isBlank(lastName) && isBlank(displayName) && isBlank(localPart)
                && adminRoles.isEmpty() && subscriptionIds.isEmpty();
    }

    NewUser toNewUser() {
        String username = (localPart == null ? "" : localPart.strip()) + "@" + (domain == null ? "" : domain.strip());
        return new NewUser(new UserProfile(firstName, lastName, displayName, isBlank(localPart) ? "" : username,
                isBlank(usageLocation) ? null : usageLocation, adminRoles), subscriptionIds);
    }

    /** The form field that shows a rule's message. */
    static String fieldOf(UserField field) {
        return switch (field) {
            case FIRST_NAME -> "firstName";
            case LAST_NAME -> "lastName";
            case DISPLAY_NAME -> "displayName";
            case USERNAME -> "localPart";
            case USAGE_LOCATION -> "usageLocation";
            case JOB_TITLE -> "jobTitle";
            case DEPARTMENT -> "department";
            case OFFICE_PHONE -> "officePhone";
            case MOBILE_PHONE -> "mobilePhone";
            case ALTERNATE_EMAIL -> "alternateEmail";
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
