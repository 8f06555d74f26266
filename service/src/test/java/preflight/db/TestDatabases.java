package preflight.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The two databases the storage tests run against: SQLite in a temporary folder, and the real PostgreSQL
 * at 127.0.0.1:5432 (database "test"), each test class in a schema of its own that is dropped after.
 */
public final class TestDatabases {

    public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String POSTGRES_USER = "postgres";

    private TestDatabases() {
    }

    public static String sqlite() throws Exception {
        Path dir = Files.createTempDirectory("preflight-db");
        return Database.sqliteUrl(dir);
    }

    /** A fresh schema in the real PostgreSQL, or empty (with the reason on stderr) when it cannot be reached. */
    public static Optional<String> postgres() {
        String schema = "pf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
            return Optional.of(POSTGRES + "?currentSchema=" + schema);
        } catch (SQLException e) {
            System.err.println("PostgreSQL at " + POSTGRES + " cannot be reached, its storage tests are skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    public static void dropSchema(String url) {
        int at = url.indexOf("currentSchema=");
        if (at < 0) {
            return;
        }
        try (Connection c = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + url.substring(at + "currentSchema=".length()) + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop the test schema: " + e.getMessage());
        }
    }
}
