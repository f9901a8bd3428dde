package com.partnerdesk.customer.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a typed list of domains character by character in one pass, never with a regular expression: a pattern for
 * "names separated by any run of separators" tries every way of cutting a long run of spaces when the text ends in a
 * bad character, and the customer forms are checked before the sender's role is.
 */
final class DomainNames {

    /** At most 63 characters per label (RFC 1035). */
    static final int MAX_LABEL_LENGTH = 63;

    /** The domains in {@code text}, in order, without their separators. */
    static List<String> split(String text) {
        List<String> domains = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || isSeparator(text.charAt(i));
            if (separator && start >= 0) {
                domains.add(text.substring(start, i));
                start = -1;
            }
            else if (!separator && start < 0) {
                start = i;
            }
        }
        return domains;
    }

    /** Letters, digits and hyphens in dot-separated labels, at least two; no label starts or ends with a hyphen. */
    static boolean isDomainName(String name) {
        int labels = 0;
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i < name.length() && name.charAt(i) != '.') {
                if (!isLetterDigitOrHyphen(name.charAt(i))) {
                    return false;
                }
                continue;
            }
            int length = i - labelStart;
            if (length == 0 || length > MAX_LABEL_LENGTH || name.charAt(labelStart) == '-'
                    || name.charAt(i - 1) == '-') {
                return false;
            }
            labels++;
            labelStart = i + 1;
        }
        return labels >= 2;
    }

    /** A comma or what {@code \s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isLetterDigitOrHyphen(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    private DomainNames() {
    }
}
