package com.partnerdesk.directory.internal;

import java.util.Arrays;

/**
 * The orders the users list offers, and the only ones: the URL names one of these, never a column. Each ends on the id
 * so that pages never overlap and a row can be found again from its key, and each has an index that serves it
 * ({@code V005}, {@code V020}).
 */
public enum UserSort {

    DISPLAY_NAME("lower(%s.display_name)", false),
    DISPLAY_NAME_DESC("lower(%s.display_name)", true),
    USERNAME("lower(%s.username)", false),
    USERNAME_DESC("lower(%s.username)", true),
    CREATED("%s.created_at", false),
    CREATED_DESC("%s.created_at", true);

    public static final UserSort DEFAULT = DISPLAY_NAME;

    /** The sorted column as an SQL expression, with {@code %s} for the table's alias. */
    private final String key;

    private final boolean descending;

    UserSort(String key, boolean descending) {
        this.key = key;
        this.descending = descending;
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

    /** The {@code order by} list for the table aliased {@code u}. */
    String orderBy() {
        String direction = descending ? " desc" : " asc";
        return key.formatted("u") + direction + ", u.id" + direction;
    }

    /** The sort key of the table aliased {@code alias}, as the select list of a row to seek from. */
    String keyOf(String alias) {
        return key.formatted(alias) + " as sort_key, " + alias + ".id as sort_id";
    }

    /**
     * The condition for rows of {@code u} that come after the row {@code anchor} in this order, where {@code anchor}
     * is a one-row table of {@link #keyOf}. As a row comparison on the index's columns it lets the index start right
     * after the anchor, instead of counting its way there.
     */
    String after(String anchor) {
        return "(%s, u.id) %s ((select sort_key from %s), (select sort_id from %s))"
            .formatted(key.formatted("u"), descending ? "<" : ">", anchor, anchor);
    }
}
