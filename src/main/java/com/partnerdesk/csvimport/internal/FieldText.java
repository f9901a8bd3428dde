package com.partnerdesk.csvimport.internal;

import java.util.Locale;

/** Whitespace handling shared by headers and values. */
public final class FieldText {

    private FieldText() {
    }

    /**
     * Strips leading and trailing whitespace, including the no-break spaces and stray byte order marks that
     * spreadsheets and copy-paste leave behind, which {@link String#strip()} keeps.
     */
    public static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isBlankCharacter(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlankCharacter(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** Header cells compare case-insensitively, and a doubled space typed into a header must not matter. */
    static String headerKey(String header) {
        StringBuilder key = new StringBuilder();
        boolean pendingSpace = false;
        for (char character : trim(header).toCharArray()) {
            if (isBlankCharacter(character)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                key.append(' ');
                pendingSpace = false;
            }
            key.append(character);
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isBlankCharacter(char character) {
        return Character.isWhitespace(character)
                || Character.isSpaceChar(character)
                || character == '\uFEFF';
    }
}
