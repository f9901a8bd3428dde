package com.partnerdesk.directory.internal;

import java.util.Locale;
import java.util.UUID;

/**
 * "Filter users by…": every criterion is optional and they combine with AND. Bound from the URL, so a filtered list
 * can be bookmarked.
 *
 * @param search     part of the display name or username
 * @param hasLicense users holding this subscription
 * @param lacksLicense users not holding this subscription
 * @param unlicensed users holding no license at all
 * @param role       users holding this admin role
 * @param domain     users whose username is in this domain
 */
public record UserFilter(String search, UUID hasLicense, UUID lacksLicense, boolean unlicensed, AdminRole role,
        String domain) {

    /** Longer search strings are cut: nobody types them, and they must not cost the database anything. */
    public static final int MAX_SEARCH_LENGTH = 100;


    /**
     * Matches the search in the customer_user table aliased {@code u}, with the pattern {@link #searchPattern()} as
     * {@code :search}. The search text is the lower-cased display name and username, on two lines (migration V093).
     */
    public static final String SEARCH_CONDITION = "u.search_text like :search";

    public UserFilter {
        search = search == null ? null : controlCharactersAsSpaces(search);
        search = search == null || search.isBlank() ? null : cut(search.strip());
        domain = domain == null || domain.isBlank() ? null : cut(domain.strip());
    }

    public static UserFilter none() {
        return new UserFilter(null, null, null, false, null, null);
    }

    /** True when the only filter is "has license X" or "has no license X", whose totals need no counting. */
    boolean isOneLicenseOnly() {
        return (hasLicense == null) != (lacksLicense == null) && search == null && !unlicensed && role == null
                && domain == null;
    }

    public boolean isActive() {
        return search != null || hasLicense != null || lacksLicense != null || unlicensed || role != null
                || domain != null;
    }

    /** The search as a LIKE pattern for {@link #SEARCH_CONDITION}: anywhere in the text, wildcards taken literally. */
    public String searchPattern() {
        String escaped = search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** True when the search is the only filter. */
    boolean isSearchOnly() {
        return search != null && hasLicense == null && lacksLicense == null && !unlicensed && role == null
                && domain == null;
    }

    /**
     * A pasted tab or line break is a space to the search, and cannot match across the search text's two lines. One
     * pass over the characters (those of {@code \p{Cntrl}}), however long the text sent.
     */
    private static String controlCharactersAsSpaces(String text) {
        char[] characters = text.toCharArray();
        for (int i = 0; i < characters.length; i++) {
            if (characters[i] < 0x20 || characters[i] == 0x7F) {
                characters[i] = ' ';
            }
        }
        return new String(characters);
    }

    private static String cut(String value) {
        return value.length() <= MAX_SEARCH_LENGTH ? value : value.substring(0, MAX_SEARCH_LENGTH);
    }
}
