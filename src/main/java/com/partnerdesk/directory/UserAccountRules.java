package com.partnerdesk.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The rules a user account must satisfy, shared by the single-user form and the CSV importer so that both accept and
 * refuse exactly the same input. Uniqueness needs the database and is checked by {@link UserDirectory}.
 */
@Component
public class UserAccountRules {

    /** Names are counted in code points, so an emoji or a CJK character is one character, as an admin sees it. */
    public static final int MAX_NAME_LENGTH = 50;

    public static final int MAX_LOCAL_PART_LENGTH = 64;

    /** Characters that make a spreadsheet treat a cell as a formula when the value is exported again. */
    private static final String FORMULA_TRIGGERS = "=+-@\t\r";

    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9'._!#^~-]+");

    /** The message of the one rule "a usage location before any license", wherever a user is licensed. */
    public static final String USAGE_LOCATION_REQUIRED_FOR_LICENSES = "user.usageLocation.requiredForLicenses";

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /** Limits of the optional details, as Microsoft Entra keeps them; counted in code points like the names. */
    public static final int MAX_JOB_TITLE_LENGTH = 128;

    public static final int MAX_DEPARTMENT_LENGTH = 64;

    public static final int MAX_PHONE_LENGTH = 64;

    /** The longest address a mail server accepts (RFC 5321's path limit less its angle brackets). */
    public static final int MAX_EMAIL_LENGTH = 254;

    /** Digits and the signs people write phone numbers with: "+34 91 123 45 67", "(555) 010-0199 ext. 12". */
    private static final String PHONE_SIGNS = "+-(). /";

    public List<RuleViolation> check(UserProfile profile, Collection<String> verifiedDomains) {
        List<RuleViolation> violations = new ArrayList<>();
        checkName(UserField.FIRST_NAME, profile.firstName(), violations);
        checkName(UserField.LAST_NAME, profile.lastName(), violations);
        if (isBlank(profile.displayName())) {
            violations.add(RuleViolation.of(UserField.DISPLAY_NAME, "user.displayName.required"));
        }
        else {
            checkName(UserField.DISPLAY_NAME, profile.displayName(), violations);
        }
        checkUsername(profile.username(), verifiedDomains, violations);
        if (!isBlank(profile.usageLocation()) && !isUsageLocation(profile.usageLocation())) {
            violations.add(RuleViolation.of(UserField.USAGE_LOCATION, "user.usageLocation.invalid"));
        }
        return violations;
    }

    /** The optional details beside the names: each may be empty; a given one must fit its limit and stay plain text. */
    public List<RuleViolation> check(UserDetails details) {
        List<RuleViolation> violations = new ArrayList<>();
        checkText(UserField.JOB_TITLE, details.jobTitle(), MAX_JOB_TITLE_LENGTH, violations);
        checkText(UserField.DEPARTMENT, details.department(), MAX_DEPARTMENT_LENGTH, violations);
        checkPhone(UserField.OFFICE_PHONE, details.officePhone(), violations);
        checkPhone(UserField.MOBILE_PHONE, details.mobilePhone(), violations);
        checkEmail(details.alternateEmail(), violations);
        return violations;
    }

    /**
     * Microsoft assigns no license to a user without a usage location (the country decides which services the
     * license may offer there), so no path licenses such a user: Add user and the CSV import refuse the user with this
     * violation, and Manage licenses leaves the user out with the same message.
     * @param licenses the licenses the user is to get on creation
     */
    public Optional<RuleViolation> checkLicensable(UserProfile profile, Collection<?> licenses) {
        return licenses.isEmpty() || canHoldLicenses(profile.usageLocation()) ? Optional.empty()
                : Optional.of(RuleViolation.of(UserField.USAGE_LOCATION, USAGE_LOCATION_REQUIRED_FOR_LICENSES));
    }

    /** Whether a user with this usage location may hold licenses: only with one (see {@link #checkLicensable}). */
    public static boolean canHoldLicenses(String usageLocation) {
        return !isBlank(usageLocation);
    }

    /** An ISO 3166 country code, in any case ("es" is Spain as much as "ES" is). */
    public static boolean isUsageLocation(String code) {
        String normal = normaliseUsageLocation(code);
        return normal != null && normal.length() == 2 && ISO_COUNTRIES.contains(normal);
    }

    /**
     * A usage location chosen for many users at once (an import's default), as it is stored.
     * @return empty when none was chosen
     * @throws NotACountry when it is not an ISO 3166 country code
     */
    public static Optional<String> parseUsageLocation(String typed) {
        if (isBlank(typed)) {
            return Optional.empty();
        }
        String location = normaliseUsageLocation(typed);
        if (!isUsageLocation(location)) {
            throw new NotACountry(location);
        }
        return Optional.of(location);
    }

    /**
     * A usage location as it is stored and compared: without surrounding spaces and upper-case, as ISO writes it.
     * Admins type "es" in forms and spreadsheets; the country is the same.
     */
    public static String normaliseUsageLocation(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    private static void checkName(UserField field, String value, List<RuleViolation> violations) {
        if (isBlank(value)) {
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > MAX_NAME_LENGTH) {
            violations.add(RuleViolation.of(field, "user.name.tooLong", MAX_NAME_LENGTH, length));
        }
        if (FORMULA_TRIGGERS.indexOf(value.charAt(0)) >= 0) {
            violations.add(RuleViolation.of(field, "user.name.formulaTrigger", value.substring(0, 1)));
        }
        else if (value.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(RuleViolation.of(field, "user.name.controlCharacters"));
        }
    }

    private static void checkText(UserField field, String value, int maxLength, List<RuleViolation> violations) {
        if (isBlank(value)) {
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            violations.add(RuleViolation.of(field, "user.name.tooLong", maxLength, length));
        }
        if (FORMULA_TRIGGERS.indexOf(value.charAt(0)) >= 0) {
            violations.add(RuleViolation.of(field, "user.name.formulaTrigger", value.substring(0, 1)));
        }
        else if (value.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(RuleViolation.of(field, "user.name.controlCharacters"));
        }
    }

    /**
     * A phone number as people write it. A leading "+" is the international prefix, not a formula: an exported file
     * neutralises it like any other cell.
     */
    private static void checkPhone(UserField field, String value, List<RuleViolation> violations) {
        if (isBlank(value)) {
            return;
        }
        if (value.length() > MAX_PHONE_LENGTH) {
            violations.add(RuleViolation.of(field, "user.name.tooLong", MAX_PHONE_LENGTH, value.length()));
            return;
        }
        boolean digits = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            digits |= digit;
            if (!digit && PHONE_SIGNS.indexOf(c) < 0 && !isExtensionLetter(c)) {
                violations.add(RuleViolation.of(field, "user.phone.invalid"));
                return;
            }
        }
        if (!digits) {
            violations.add(RuleViolation.of(field, "user.phone.invalid"));
        }
    }

    /** The letters of "ext" and "x", with which people write an extension after the number. */
    private static boolean isExtensionLetter(char c) {
        return "extEXT".indexOf(c) >= 0;
    }

    private static void checkEmail(String value, List<RuleViolation> violations) {
        if (isBlank(value)) {
            return;
        }
        if (value.length() > MAX_EMAIL_LENGTH) {
            violations.add(RuleViolation.of(UserField.ALTERNATE_EMAIL, "user.name.tooLong", MAX_EMAIL_LENGTH,
                    value.length()));
            return;
        }
        int at = value.indexOf('@');
        boolean plain = value.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        if (!plain || at <= 0 || at != value.lastIndexOf('@') || value.indexOf('.', at) < at + 2
                || value.endsWith(".") || FORMULA_TRIGGERS.indexOf(value.charAt(0)) >= 0) {
            violations.add(RuleViolation.of(UserField.ALTERNATE_EMAIL, "user.alternateEmail.invalid"));
        }
    }

    private static void checkUsername(String username, Collection<String> verifiedDomains,
            List<RuleViolation> violations) {
        if (isBlank(username)) {
            violations.add(RuleViolation.of(UserField.USERNAME, "user.username.required"));
            return;
        }
        int at = username.indexOf('@');
        if (at <= 0 || at != username.lastIndexOf('@') || at == username.length() - 1) {
            violations.add(RuleViolation.of(UserField.USERNAME, "user.username.notAnAddress"));
            return;
        }
        String localPart = username.substring(0, at);
        String domain = username.substring(at + 1);
        if (!LOCAL_PART.matcher(localPart).matches()) {
            violations.add(RuleViolation.of(UserField.USERNAME, "user.username.invalidCharacters"));
        }
        else if (localPart.length() > MAX_LOCAL_PART_LENGTH || localPart.length() > MAX_NAME_LENGTH) {
            violations.add(RuleViolation.of(UserField.USERNAME, "user.username.tooLong", MAX_NAME_LENGTH));
        }
        if (!verifiedDomains.contains(domain.toLowerCase(Locale.ROOT))) {
            violations.add(RuleViolation.of(UserField.USERNAME, "user.username.domainNotVerified", domain));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
