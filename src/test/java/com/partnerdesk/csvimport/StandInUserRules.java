package com.partnerdesk.csvimport;

import static java.util.stream.Collectors.groupingBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Test-only stand-in for the directory's shared rule set ({@code com.partnerdesk.directory.UserAccountRules}), so
 * that the sample-file tests can assert the README's valid and rejected rows. It applies R6 to R10 and the ISO
 * usage location rule the way the README states them; once the real rules exist, the tests should use those and
 * this class should go.
 */
final class StandInUserRules {

    enum Reason {
        STRUCTURAL,
        DISPLAY_NAME_REQUIRED,
        EMAIL_REQUIRED,
        NAME_TOO_LONG,
        ALIAS_TOO_LONG,
        EMAIL_SYNTAX,
        DOMAIN_NOT_VERIFIED,
        DUPLICATE_EMAIL,
        FORMULA_TRIGGER,
        USAGE_LOCATION_NOT_ISO
    }

    /** The customer of every sample file has this one verified domain. */
    static final StandInUserRules CONTOSO = new StandInUserRules(Set.of("contoso.example"));

    private static final int LONGEST_NAME = 50;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9'.\\-_!#^~]+@[A-Za-z0-9.-]+");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final Set<String> verifiedDomains;

    StandInUserRules(Set<String> verifiedDomains) {
        this.verifiedDomains = verifiedDomains;
    }

    /** Rejected rows with their reasons, by row number; every other row is valid. */
    Map<Integer, Set<Reason>> rejections(List<ParsedUserRow> rows) {
        Map<Integer, Set<Reason>> rejections = new TreeMap<>();
        for (ParsedUserRow row : rows) {
            Set<Reason> reasons = reasons(row);
            if (!reasons.isEmpty()) {
                rejections.put(row.row(), reasons);
            }
        }
        rows.stream()
                .filter(row -> !row.email().isEmpty())
                .collect(groupingBy(row -> row.email().toLowerCase(Locale.ROOT)))
                .values().stream()
                .filter(sameEmail -> sameEmail.size() > 1)
                .flatMap(List::stream)
                .forEach(row -> rejections.computeIfAbsent(row.row(), any -> EnumSet.noneOf(Reason.class))
                        .add(Reason.DUPLICATE_EMAIL));
        return rejections;
    }

    List<Integer> validRows(List<ParsedUserRow> rows) {
        Map<Integer, Set<Reason>> rejections = rejections(rows);
        return rows.stream().map(ParsedUserRow::row).filter(row -> !rejections.containsKey(row)).toList();
    }

    /** What would be stored: the domain lower-cased, the local part as typed. */
    static String normalisedEmail(ParsedUserRow row) {
        int at = row.email().indexOf('@');
        return row.email().substring(0, at + 1) + row.email().substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private Set<Reason> reasons(ParsedUserRow row) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        if (row.hasStructuralError()) {
            reasons.add(Reason.STRUCTURAL);
        }
        if (row.displayName().isEmpty()) {
            reasons.add(Reason.DISPLAY_NAME_REQUIRED);
        }
        List<String> names = List.of(row.firstName(), row.lastName(), row.displayName());
        if (names.stream().anyMatch(name -> name.codePointCount(0, name.length()) > LONGEST_NAME)) {
            reasons.add(Reason.NAME_TOO_LONG);
        }
        if (names.stream().anyMatch(StandInUserRules::isFormulaOrControl)) {
            reasons.add(Reason.FORMULA_TRIGGER);
        }
        reasons.addAll(emailReasons(row.email()));
        if (!row.usageLocation().isEmpty() && !ISO_COUNTRIES.contains(row.usageLocation())) {
            reasons.add(Reason.USAGE_LOCATION_NOT_ISO);
        }
        return reasons;
    }

    private List<Reason> emailReasons(String email) {
        if (email.isEmpty()) {
            return List.of(Reason.EMAIL_REQUIRED);
        }
        if (!EMAIL.matcher(email).matches()) {
            return List.of(Reason.EMAIL_SYNTAX);
        }
        List<Reason> reasons = new ArrayList<>();
        String alias = email.substring(0, email.indexOf('@'));
        if (alias.length() > LONGEST_NAME) {
            reasons.add(Reason.ALIAS_TOO_LONG);
        }
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (!verifiedDomains.contains(domain)) {
            reasons.add(Reason.DOMAIN_NOT_VERIFIED);
        }
        return reasons;
    }

    private static boolean isFormulaOrControl(String name) {
        boolean formulaTrigger = !name.isEmpty() && Stream.of("=", "+", "-", "@", "\t", "\r").anyMatch(name::startsWith);
        boolean control = name.chars().anyMatch(character -> Character.getType(character) == Character.CONTROL);
        return formulaTrigger || control;
    }
}
