package com.partnerdesk.directory;

/**
 * The optional details of a user beside the names, as the admin consoles offer them: what the user does and how to
 * reach the user. The alternate email receives password notices. Checked by {@link UserAccountRules#check(UserDetails)}.
 * Blank values are kept as absent, and every value without surrounding spaces.
 */
public record UserDetails(String jobTitle, String department, String officePhone, String mobilePhone,
        String alternateEmail) {

    public UserDetails {
        jobTitle = tidy(jobTitle);
        department = tidy(department);
        officePhone = tidy(officePhone);
        mobilePhone = tidy(mobilePhone);
        alternateEmail = tidy(alternateEmail);
    }

    public static UserDetails none() {
        return new UserDetails(null, null, null, null, null);
    }

    private static String tidy(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
