package com.partnerdesk.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.partnerdesk.directory.internal.CustomerUserPasswordEncoder;

/**
 * What a password a customer user chooses must satisfy: at least {@value #MIN_LENGTH} characters, not the temporary
 * password it replaces, and not containing the username (or the part before its @).
 */
public final class OwnPasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private OwnPasswordPolicy() {
    }

    /** @return message keys of the rules the password breaks; empty when it may be used */
    public static List<String> check(String password, String username, String currentHash) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("portal.password.tooShort");
            return problems;
        }
        if (CustomerUserPasswordEncoder.matches(password, currentHash)) {
            problems.add("portal.password.sameAsTemporary");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username.toLowerCase(Locale.ROOT);
        String localPart = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        if (lower.contains(name) || (localPart.length() >= 3 && lower.contains(localPart))) {
            problems.add("portal.password.containsUsername");
        }
        return problems;
    }
}
