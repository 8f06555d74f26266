package preflight.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The service's database: SQLite in the data folder by default, PostgreSQL when PREFLIGHT_DB_URL names
 * one. One schema for both, migrated by Flyway from {@code db/migration} on open. Connections come from a
 * small pool that gives up quickly, so a database that is down makes a check say so instead of waiting.
 */
public final class Database implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final String url;
    private volatile boolean migrated;
    private volatile String lastError;

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** The embedded default: {@code <dataDir>/preflight.db}. */
    public static String sqliteUrl(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // WAL: readers never wait for the writer; busy_timeout: a second writer waits instead of failing
        return "jdbc:sqlite:" + dataDir.resolve("preflight.db") + "?journal_mode=WAL&busy_timeout=5000&synchronous=NORMAL";
    }

    /** Opens the pool and brings the schema up to date (now, or as soon as the database answers). */
    public static Database open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(url.startsWith("jdbc:sqlite:") ? 4 : 8);
        config.setConnectionTimeout(250);
        config.setValidationTimeout(250);
        config.setInitializationFailTimeout(-1); // start even when the database is down; checks say so
        config.setPoolName("preflight-db");
        HikariDataSource pool = new HikariDataSource(config);
        Database db = new Database(pool, url);
        db.migrateOrRetry();
        return db;
    }

    /**
     * Brings the schema up to date now or, when the database is down, in the background every few seconds
     * until it is up: the service starts and answers checks meanwhile, and check records wait in the buffer.
     */
    private void migrateOrRetry() {
        if (tryMigrate()) {
            return;
        }
        Thread retry = new Thread(() -> {
            while (!migrated && !pool.isClosed()) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
                tryMigrate();
            }
        }, "db-migrate-retry");
        retry.setDaemon(true);
        retry.start();
    }

    private boolean tryMigrate() {
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            migrated = true;
            lastError = null;
            return true;
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            log.warn("database {} not ready, will retry: {}", describe(), lastError);
            return false;
        }
    }

    /** For /health: where, whether the schema is in place, and the last error. */
    public record Status(String database, boolean migrated, String lastError) {
    }

    public Status status() {
        return new Status(describe(), migrated, lastError);
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials, for logs and /health. */
    public String describe() {
        return url.replaceAll("(?i)(password|user)=[^&]*", "$1=…");
    }

    @Override
    public void close() {
        pool.close();
    }
}
