package com.partnerdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The owner of every table and the exceptions to "only the owner names it", read from the decision record that states
 * them, so that the record and the build cannot disagree.
 */
final class TableOwnership {

    static final Path RECORD = Path.of("docs/decisions/0015-one-owner-per-table.md");

    static final Path MODULES = Path.of("src/main/java/com/partnerdesk");

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private TableOwnership() {
    }

    /** A module naming a table, in one of its files: found in the code, or allowed as an exception by the record. */
    record Naming(String module, String source, String table) {
    }

    /** The feature packages, which are the modules. */
    static Set<String> modules() {
        try (Stream<Path> entries = Files.list(MODULES)) {
            Set<String> modules = new TreeSet<>();
            entries.filter(Files::isDirectory).forEach(dir -> modules.add(dir.getFileName().toString()));
            return modules;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Table → owning module, from the record's "Owners" table. */
    static Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        for (List<String> row : rows("Owners")) {
            String table = code(row.get(0)).get(0);
            if (owners.put(table, code(row.get(1)).get(0)) != null) {
                throw new IllegalStateException("Two owners for " + table + " in " + RECORD);
            }
        }
        return owners;
    }

    /** Every (module, file, table) the record's "Exceptions" table allows. */
    static List<Naming> exceptions() {
        List<Naming> exceptions = new ArrayList<>();
        for (List<String> row : rows("Exceptions")) {
            String module = code(row.get(0)).get(0);
            String source = code(row.get(1)).get(0);
            code(row.get(2)).forEach(table -> exceptions.add(new Naming(module, source, table)));
        }
        return exceptions;
    }

    /** The cells of the Markdown table under the heading {@code ## <section>}, header and rule left out. */
    static List<List<String>> rows(String section) {
        return tableRows(read(RECORD), "## " + section);
    }

    static List<List<String>> tableRows(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("No section '" + heading + "'");
        }
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : markdown.substring(start + heading.length() + 2).split("\n")) {
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|", -1)) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        // The header and the |---| rule.
        return rows.size() < 2 ? List.of() : rows.subList(2, rows.size());
    }

    static List<String> code(String cell) {
        List<String> names = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
