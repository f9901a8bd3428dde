package com.partnerdesk.security;

import java.util.Locale;

/**
 * The one spelling of a typed username that a sign-in is counted under and that the account lookups compare with.
 * Both use it, so whatever reaches an account meets that account's counts: a lookup compares the stored username's
 * {@code lower()} with this spelling as it is, never with the database's {@code lower()} of what was typed, which
 * folds some letters differently from Java (a capital I with a dot becomes a plain i in PostgreSQL, an i with a
 * combining dot in Java) and would let such a spelling reach the account under counts of its own.
 */
public final class SignInName {

    private SignInName() {
    }

    /** Without the spaces around it, in lower case by the root locale's rules; empty for no username at all. */
    public static String fold(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }
}
