package com.partnerdesk.csvimport.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Within one file, an email that appears more than once, in any case, rejects every row that has it, and each
 * names the others, since nobody can tell which copy was meant. Holds one small entry per email while a file is read.
 */
public final class DuplicateEmails {

    private final Map<String, Object> rowsByEmail = new HashMap<>();

    private final Map<String, List<Integer>> repeated = new HashMap<>();

    public void add(String email, int row) {
        if (email.isEmpty()) {
            return;
        }
        String key = email.toLowerCase(Locale.ROOT);
        Object first = rowsByEmail.putIfAbsent(key, row);
        if (first != null) {
            repeated.computeIfAbsent(key, any -> new ArrayList<>(List.of((Integer) first))).add(row);
        }
    }

    /** Each row of a duplicate group with the other rows of its group. */
    public Map<Integer, List<Integer>> otherRowsByRow() {
        Map<Integer, List<Integer>> others = new TreeMap<>();
        for (List<Integer> rows : repeated.values()) {
            for (Integer row : rows) {
                others.put(row, rows.stream().filter(other -> !other.equals(row)).toList());
            }
        }
        return others;
    }

    public static ImportNote noteFor(List<Integer> otherRows) {
        return ImportNote.error(ImportColumn.EMAIL, "import.row.duplicateInFile",
                String.join(", ", otherRows.stream().map(String::valueOf).toList()));
    }
}
