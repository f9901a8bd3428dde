package com.partnerdesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The password of the embedded PostgreSQL's {@code postgres} role, kept in the data directory in a file only its
 * owner may read, and the {@code pg_hba.conf} that asks every connection for it (SCRAM) on loopback.
 * <p>
 * The embedded server's {@code initdb} always writes a {@code pg_hba.conf} that trusts every local connection, which
 * would let any process on the machine open the database without a password. So after each start a directory that
 * still trusts (a new one, or one created before this was done) gets a generated password and a {@code pg_hba.conf}
 * without {@code trust}, and the server reloads it; from then on the password file is read before the server starts.
 * A new directory therefore trusts loopback connections only for the moment between its first start and that
 * conversion, before the application has opened it.
 */
final class EmbeddedDatabasePassword {

    static final String FILE_NAME = "partnerdesk-password";

    static final String USER = "postgres";

    /** Every connection, local socket or loopback TCP, proves the password; nothing else is accepted. */
    static final String PASSWORD_ONLY_HBA = """
            # Written by PartnerDesk: every connection to the embedded database must give the password kept in
            # partnerdesk-password (SCRAM), and only from this machine.
            local   all   all                   scram-sha-256
            host    all   all   127.0.0.1/32    scram-sha-256
            host    all   all   ::1/128         scram-sha-256
            """;

    private final String value;

    private final boolean stored;

    private EmbeddedDatabasePassword(String value, boolean stored) {
        this.value = value;
        this.stored = stored;
    }

    /**
     * The password stored in the data directory, or a new one for a directory that has none yet. A directory that
     * already asks for passwords but has lost its password file cannot be opened, and says so.
     */
    static EmbeddedDatabasePassword of(Path dataDirectory) {
        Optional<String> stored = read(dataDirectory);
        if (stored.isPresent()) {
            return new EmbeddedDatabasePassword(stored.get(), true);
        }
        if (dataDirectory != null && Files.exists(dataDirectory.resolve("pg_hba.conf"))
                && !trusts(dataDirectory.resolve("pg_hba.conf"))) {
            throw new IllegalStateException("The embedded database in " + dataDirectory + " asks for a password, but "
                    + dataDirectory.resolve(FILE_NAME) + " is missing. Restore that file, or delete the directory "
                    + "(PARTNERDESK_DATA_DIR) to start with an empty database.");
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return new EmbeddedDatabasePassword(HexFormat.of().formatHex(random), false);
    }

    String value() {
        return value;
    }

    /**
     * Makes the running server ask for this password, if it does not yet: stores the password, sets it on the role,
     * replaces {@code pg_hba.conf} and reloads it.
     *
     * @return whether the server was converted from {@code trust}
     */
    boolean requireOn(DataSource server) {
        try (Connection connection = server.getConnection()) {
            Path dataDirectory = Path.of(setting(connection, "data_directory"));
            Path hba = Path.of(setting(connection, "hba_file"));
            if (!trusts(hba)) {
                return false;
            }
            if (!stored) {
                write(dataDirectory.resolve(FILE_NAME), value);
            }
            try (PreparedStatement alter = connection.prepareStatement(
                    "select format('alter role %I password %L', ?, ?)")) {
                alter.setString(1, USER);
                alter.setString(2, value);
                try (ResultSet statement = alter.executeQuery(); Statement run = connection.createStatement()) {
                    statement.next();
                    run.execute("set password_encryption = 'scram-sha-256'");
                    run.execute(statement.getString(1));
                }
            }
            write(hba, PASSWORD_ONLY_HBA);
            try (Statement reload = connection.createStatement();
                    ResultSet errors = reload.executeQuery(
                            "select pg_reload_conf(), (select count(*) from pg_hba_file_rules where error is not null)")) {
                errors.next();
                if (errors.getLong(2) != 0) {
                    throw new IllegalStateException("PostgreSQL refused the pg_hba.conf written to " + hba);
                }
            }
            return true;
        }
        catch (SQLException failed) {
            throw new IllegalStateException("Could not set up password authentication of the embedded database",
                    failed);
        }
    }

    /** Whether any rule of that pg_hba.conf lets a connection in without a password. */
    static boolean trusts(Path hba) {
        try {
            List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
            return lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("#", 2)[0].strip().split("\\s+"))
                .anyMatch(fields -> List.of(fields).contains("trust"));
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Optional<String> read(Path dataDirectory) {
        if (dataDirectory == null || !Files.isRegularFile(dataDirectory.resolve(FILE_NAME))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(dataDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8).strip())
                .filter(password -> !password.isEmpty());
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Written beside its target and moved over it, readable by the owner only from the start. */
    private static void write(Path file, String content) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(next, content, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement show = connection.prepareStatement("select current_setting(?)")) {
            show.setString(1, name);
            try (ResultSet value = show.executeQuery()) {
                value.next();
                return value.getString(1);
            }
        }
    }
}
