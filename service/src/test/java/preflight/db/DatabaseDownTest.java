package preflight.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import preflight.Preflight;
import preflight.bench.FlakyProxy;
import preflight.check.CheckRequest;
import preflight.check.Verdict;
import preflight.config.Settings;
import preflight.listing.Product;
import preflight.listing.Seller;

/**
 * The real PostgreSQL behind a proxy the test takes down and brings back: checks keep answering (the
 * forecast says why it is unavailable), the check records wait in the buffer, and they are all written
 * once the database is back.
 */
class DatabaseDownTest {

    @Test
    void checksAnswerWhileTheDatabaseIsDownAndNoRecordIsLost() throws Exception {
        Optional<String> schema = TestDatabases.postgres();
        assumeTrue(schema.isPresent(), "PostgreSQL is not reachable at 127.0.0.1:5432");
        try (FlakyProxy proxy = new FlakyProxy("127.0.0.1", 5432)) {
            Preflight app = behind(proxy, schema.get(), 200);
            Preflight.Storage storage = app.storage();
            try {
                assertThat(check(app).storeScore().available()).isTrue();

                proxy.down();
                List<Verdict> whileDown = List.of(check(app), check(app), check(app), check(app), check(app));
                for (Verdict v : whileDown) {
                    assertThat(v.decision()).isNotNull();
                    assertThat(v.storeScore().available()).isFalse();
                    assertThat(v.storeScore().reason()).contains("penalty ledger");
                }
                // five failures in a row: the ledger is left alone for a second, and checks stop paying the budget
                long t0 = System.nanoTime();
                Verdict sixth = check(app);
                assertThat(sixth.storeScore().reason()).contains("not answering");
                assertThat((System.nanoTime() - t0) / 1_000_000).as("no wait for a ledger known to be down").isLessThan(150);
                Thread.sleep(300);
                assertThat(storage.writer().status().pending()).isGreaterThanOrEqualTo(6);
                assertThat(storage.writer().status().lastError()).isNotNull();

                proxy.up();
                assertThat(storage.writer().flush(Duration.ofSeconds(30))).as("records written once the database is back").isTrue();
                for (Verdict v : whileDown) {
                    assertThat(app.stores().check(v.checkId())).as(v.checkId()).isPresent();
                }
                assertThat(storage.writer().status().dropped()).isZero();
                Thread.sleep(1100); // past the breaker's second: the next read tries the ledger again
                assertThat(check(app).storeScore().available()).isTrue();
            } finally {
                app.closeStorage();
                TestDatabases.dropSchema(schema.get());
            }
        }
    }

    @Test
    void aSlowDatabaseCostsTheCheckNoMoreThanTheBudget() throws Exception {
        Optional<String> schema = TestDatabases.postgres();
        assumeTrue(schema.isPresent(), "PostgreSQL is not reachable at 127.0.0.1:5432");
        try (FlakyProxy proxy = new FlakyProxy("127.0.0.1", 5432)) {
            Preflight app = behind(proxy, schema.get(), 100);
            Preflight.Storage storage = app.storage();
            try {
                check(app);
                proxy.slow(1_000);
                long t0 = System.nanoTime();
                Verdict v = check(app);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertThat(v.storeScore().available()).isFalse();
                assertThat(v.storeScore().reason()).contains("did not answer within 100 ms");
                assertThat(millis).as("the check waits for the budget, not the 1 s database").isLessThan(900);
                proxy.slow(0);
                assertThat(storage.writer().flush(Duration.ofSeconds(30))).isTrue();
                assertThat(app.stores().check(v.checkId())).isPresent();
            } finally {
                app.closeStorage();
                TestDatabases.dropSchema(schema.get());
            }
        }
    }

    /** The service with its store record on the test schema, reached through the proxy. */
    static Preflight behind(FlakyProxy proxy, String schemaUrl, int budgetMillis) {
        return behind(proxy, schemaUrl, budgetMillis, Map.of());
    }

    /** @param env further PREFLIGHT_* settings */
    static Preflight behind(FlakyProxy proxy, String schemaUrl, int budgetMillis, Map<String, String> env) {
        String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test" + schemaUrl.substring(schemaUrl.indexOf('?'));
        Map<String, String> settings = new java.util.HashMap<>(Map.of("PREFLIGHT_DB_URL", url, "PREFLIGHT_DB_USER", "postgres",
                "PREFLIGHT_IP_CLASSIFIER", "lexicon", "PREFLIGHT_DB_BUDGET_MS", String.valueOf(budgetMillis)));
        settings.putAll(env);
        Preflight app = new Preflight(Settings.fromEnv(settings), Clock.systemUTC());
        app.loadPacks();
        app.openStorage();
        return app;
    }

    static Verdict check(Preflight app) {
        Product replica = new Product("AAA replica designer handbag 1:1 mirror", null, "bags-luggage", null, List.of(),
                Map.of(), List.of(), null, "CN");
        return app.checks().check(new CheckRequest("L-1", new Seller("S-DOWN", "CN", "alibaba.com"), replica, List.of("US"),
                new CheckRequest.Options(true, "en", LocalDate.of(2026, 11, 25))));
    }
}
