package com.partnerdesk.csvimport.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Blocks writes to a table until closed, so that an import's background work waits at its first write there while a
 * test looks at the running import. Reads go on: pages and the progress endpoint answer meanwhile.
 */
record HeldTable(Connection connection) implements AutoCloseable {

    static HeldTable hold(DataSource dataSource, String table) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + table + " in share mode");
        }
        return new HeldTable(connection);
    }

    @Override
    public void close() throws SQLException {
        connection.commit();
        connection.close();
    }
}
