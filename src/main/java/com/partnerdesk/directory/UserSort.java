package com.partnerdesk.directory;

import java.util.Arrays;

/**
 * The orders the users list offers, and the only ones: the URL names one of these, never a column. Each ends on the id
 * so that pages never overlap, and each has an index that serves it ({@code V005}, {@code V020}).
 */
public enum UserSort {

    DISPLAY_NAME("lower(u.display_name) asc, u.id asc"),
    DISPLAY_NAME_DESC("lower(u.display_name) desc, u.id desc"),
    USERNAME("lower(u.username) asc, u.id asc"),
    USERNAME_DESC("lower(u.username) desc, u.id desc"),
    CREATED("u.created_at asc, u.id asc"),
    CREATED_DESC("u.created_at desc, u.id desc");

    public static final UserSort DEFAULT = DISPLAY_NAME;

    private final String orderBy;

    UserSort(String orderBy) {
        this.orderBy = orderBy;
    }

    /** The sort a URL asks for; anything unknown (a tampered or outdated link) falls back to the default. */
    public static UserSort fromParameter(String name) {
        return Arrays.stream(values()).filter(sort -> sort.name().equalsIgnoreCase(name)).findFirst().orElse(DEFAULT);
    }

    /** The same column in the other direction. */
    public UserSort reversed() {
        return name().endsWith("_DESC") ? valueOf(name().substring(0, name().length() - 5)) : valueOf(name() + "_DESC");
    }

    public boolean isDefault() {
        return this == DEFAULT;
    }

    /**
     * The sort the header of {@code column} links to while the list is in this order: the column's first direction,
     * or the other one when the list is already sorted that way.
     */
    public UserSort toggle(String column) {
        UserSort first = valueOf(column);
        return this == first ? first.reversed() : first;
    }

    /** {@code ascending}, {@code descending} or null for the header of {@code column}, as {@code aria-sort} wants. */
    public String ariaSort(String column) {
        if (this != valueOf(column) && this != valueOf(column).reversed()) {
            return null;
        }
        return name().endsWith("_DESC") ? "descending" : "ascending";
    }

    String orderBy() {
        return orderBy;
    }
}
