package com.partnerdesk.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL starts and answers inside this JVM whoever runs it: as root (PostgreSQL itself refuses
 * root, and the build machines run as root) and as a normal user (a laptop). The test reports which case it covered.
 */
class EmbeddedPostgresAsRootTests {

    @Test
    void startsAndAnswersQueriesWhateverUserRunsTheBuild(TestReporter report) throws Exception {
        long uid = processUid();
        report.publishEntry("process uid", uid == 0 ? "0 (root)" : uid + " (normal user)");

        EmbeddedPostgres postgres = EmbeddedPostgresLauncher.server(null);

        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet answer = statement.executeQuery(
                        "select current_setting('server_version_num')::int, 6 * 7, current_user")) {
            assertThat(answer.next()).isTrue();
            assertThat(answer.getInt(1)).isGreaterThanOrEqualTo(170000);
            assertThat(answer.getInt(2)).isEqualTo(42);
            assertThat(answer.getString(3)).isEqualTo("postgres");
            report.publishEntry("embedded PostgreSQL", "version " + answer.getInt(1) + " on port " + postgres.getPort());
        }
    }

    /** The real uid from /proc (Linux), else from the user name, which is what PostgreSQL's root check looks at. */
    private static long processUid() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        }
        return "root".equals(System.getProperty("user.name")) ? 0 : -1;
    }
}
