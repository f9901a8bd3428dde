package com.partnerdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table (docs/decisions/0015-one-owner-per-table.md): only the owning module's code names a table, in
 * SQL text, JPA mappings or JPQL (by its entity's name), and only the owner's migrations define it. Every other
 * naming is an exception the record lists, and an exception nobody needs any more fails too, so the list only shrinks.
 */
class TableOwnershipTests {

    private static final Pattern SQL = Pattern.compile(
            "(?is)\\b(select|insert\\s+into|update|delete\\s+from|from|join|lock\\s+table|truncate)\\b");

    private static final Pattern MAPPED_TABLE = Pattern
        .compile("@(?:Table|CollectionTable|JoinTable|SecondaryTable)\\s*\\([^)]*?\\bname\\s*=\\s*\"(\\w+)\"");

    private static final Pattern ENTITY = Pattern.compile("@Entity\\b[\\s\\S]*?\\bclass\\s+(\\w+)");

    private static final Pattern CREATED_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(\\w+)");

    /** A foreign key names the table it refers to; that is the module dependency, already checked in Java. */
    private static final Pattern REFERENCE = Pattern.compile("(?i)\\breferences\\s+\\w+");

    private static Map<String, String> owners;

    /** Entity name → module, for JPQL, which names entities instead of tables. */
    private static Map<String, String> entities;

    @BeforeAll
    static void readOwners() throws IOException {
        owners = TableOwnership.owners();
        entities = new HashMap<>();
        for (Path file : javaSources()) {
            Matcher entity = ENTITY.matcher(Files.readString(file));
            while (entity.find()) {
                entities.put(entity.group(1), moduleOf(file));
            }
        }
    }

    @Test
    void everyTableHasOneOwnerThatIsAModule() throws IOException {
        Set<String> created = new TreeSet<>();
        for (Path migration : migrations()) {
            Matcher table = CREATED_TABLE.matcher(withoutComments(TableOwnership.read(migration)));
            while (table.find()) {
                created.add(table.group(1).toLowerCase());
            }
        }
        // Flyway creates its history table itself.
        created.add("flyway_schema_history");
        assertThat(owners.keySet()).containsExactlyInAnyOrderElementsOf(created);
        assertThat(TableOwnership.modules()).containsAll(owners.values());
    }

    @Test
    void aModulesCodeNamesOnlyTheTablesItOwns() throws IOException {
        assertThat(foreignNames(javaNamings()))
            .as("tables named outside their owner (docs/decisions/0015-one-owner-per-table.md)")
            .isEmpty();
    }

    @Test
    void aModulesMigrationsDefineAndReadOnlyTheTablesItOwns() throws IOException {
        assertThat(foreignNames(migrationNamings()))
            .as("tables named by another module's migration (docs/decisions/0015-one-owner-per-table.md)")
            .isEmpty();
    }

    @Test
    void everyListedExceptionIsStillNeeded() throws IOException {
        Set<TableOwnership.Naming> found = new LinkedHashSet<>(javaNamings());
        found.addAll(migrationNamings());
        assertThat(TableOwnership.exceptions().stream().filter(exception -> !found.contains(exception)))
            .as("exceptions nothing needs any more: remove them from the record")
            .isEmpty();
    }

    /** docs/architecture.md's module table shows the tables each module owns, the same as the record. */
    @Test
    void theArchitecturesModuleTableListsTheTablesEachModuleOwns() {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (List<String> row : TableOwnership.tableRows(TableOwnership.read(Path.of("docs/architecture.md")),
                "## Modules")) {
            documented.put(TableOwnership.code(row.get(0)).get(0), new TreeSet<>(TableOwnership.code(row.get(1))));
        }
        Map<String, Set<String>> owned = new TreeMap<>();
        TableOwnership.modules().forEach(module -> owned.put(module, new TreeSet<>()));
        owners.forEach((table, module) -> owned.get(module).add(table));
        assertThat(documented).isEqualTo(owned);
    }

    private static List<String> foreignNames(List<TableOwnership.Naming> namings) {
        Set<TableOwnership.Naming> allowed = Set.copyOf(TableOwnership.exceptions());
        return namings.stream()
            .filter(naming -> !allowed.contains(naming))
            .map(naming -> naming.module() + "/" + naming.source() + " names " + naming.table() + " (owned by "
                    + owners.get(naming.table()) + ")")
            .distinct()
            .toList();
    }

    /** Every table each Java file names while not owning it: in SQL-looking strings, mappings and JPQL. */
    private static List<TableOwnership.Naming> javaNamings() throws IOException {
        List<TableOwnership.Naming> namings = new ArrayList<>();
        for (Path file : javaSources()) {
            String module = moduleOf(file);
            String source = Files.readString(file);
            String name = TableOwnership.MODULES.resolve(module).relativize(file).toString();
            Set<String> named = new LinkedHashSet<>();
            Matcher mapped = MAPPED_TABLE.matcher(source);
            while (mapped.find()) {
                named.add(mapped.group(1));
            }
            for (String literal : JavaStrings.of(source)) {
                if (!SQL.matcher(literal).find()) {
                    continue;
                }
                String sql = literal.replaceAll("'[^']*'", "''");
                owners.keySet().stream().filter(table -> mentions(sql, table)).forEach(named::add);
                entities.forEach((entity, owner) -> {
                    if (!owner.equals(module) && mentions(sql, entity)) {
                        named.add(entity);
                    }
                });
            }
            named.stream()
                .filter(table -> !module.equals(owners.containsKey(table) ? owners.get(table) : entities.get(table)))
                .forEach(table -> namings.add(new TableOwnership.Naming(module, name, table)));
        }
        return namings;
    }

    /** Every table a migration names (foreign keys aside) that the module of its folder does not own. */
    private static List<TableOwnership.Naming> migrationNamings() throws IOException {
        List<TableOwnership.Naming> namings = new ArrayList<>();
        for (Path migration : migrations()) {
            String module = MigrationLayoutTests.MIGRATIONS.relativize(migration).getName(0).toString();
            String sql = REFERENCE.matcher(withoutComments(TableOwnership.read(migration)).replaceAll("'[^']*'", "''"))
                .replaceAll("");
            owners.forEach((table, owner) -> {
                if (!owner.equals(module) && mentions(sql, table)) {
                    namings.add(new TableOwnership.Naming(module, migration.getFileName().toString(), table));
                }
            });
        }
        return namings;
    }

    private static boolean mentions(String sql, String table) {
        return Pattern.compile("(?<![\\w.$:])" + table + "(?![\\w$])").matcher(sql).find();
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }

    private static String moduleOf(Path file) {
        return TableOwnership.MODULES.relativize(file).getName(0).toString();
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(TableOwnership.MODULES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                .filter(file -> TableOwnership.MODULES.relativize(file).getNameCount() > 1)
                .sorted()
                .collect(Collectors.toList());
        }
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.walk(MigrationLayoutTests.MIGRATIONS)) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** The string literals and text blocks of a Java source, comments and character literals skipped. */
    static final class JavaStrings {

        private JavaStrings() {
        }

        static List<String> of(String source) {
            List<String> strings = new ArrayList<>();
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    i = end(source.indexOf('\n', i), n);
                }
                else if (source.startsWith("/*", i)) {
                    i = end(source.indexOf("*/", i + 2), n) + 2;
                }
                else if (source.startsWith("\"\"\"", i)) {
                    int close = closing(source, i + 3, "\"\"\"");
                    strings.add(source.substring(i + 3, close));
                    i = close + 3;
                }
                else if (c == '"') {
                    int close = closing(source, i + 1, "\"");
                    strings.add(source.substring(i + 1, close));
                    i = close + 1;
                }
                else if (c == '\'') {
                    i = closing(source, i + 1, "'") + 1;
                }
                else {
                    i++;
                }
            }
            return strings;
        }

        private static int closing(String source, int from, String quote) {
            int i = from;
            while (!source.startsWith(quote, i)) {
                i += source.charAt(i) == '\\' ? 2 : 1;
            }
            return i;
        }

        private static int end(int index, int length) {
            return index < 0 ? length : index;
        }
    }
}
