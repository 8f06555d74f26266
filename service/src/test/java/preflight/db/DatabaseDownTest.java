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
        String search = schema.get().substring(schema.get().indexOf('?'));
        try (FlakyProxy proxy = new FlakyProxy("127.0.0.1", 5432)) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test" + search;
            Preflight app = new Preflight(Settings.fromEnv(Map.of("PREFLIGHT_DB_URL", url, "PREFLIGHT_DB_USER", "postgres",
                    "PREFLIGHT_IP_CLASSIFIER", "lexicon", "PREFLIGHT_DB_BUDGET_MS", "200")), Clock.systemUTC());
            app.loadPacks();
            Preflight.Storage storage = app.openStorage();
            try {
                assertThat(check(app).storeScore().available()).isTrue();

                proxy.down();
                List<Verdict> whileDown = List.of(check(app), check(app), check(app), check(app), check(app));
                for (Verdict v : whileDown) {
                    assertThat(v.decision()).isNotNull();
                    assertThat(v.storeScore().available()).isFalse();
                    assertThat(v.storeScore().reason()).contains("penalty ledger");
                }
                Thread.sleep(300);
                assertThat(storage.writer().status().pending()).isGreaterThanOrEqualTo(5);
                assertThat(storage.writer().status().lastError()).isNotNull();

                proxy.up();
                assertThat(storage.writer().flush(Duration.ofSeconds(30))).as("records written once the database is back").isTrue();
                for (Verdict v : whileDown) {
                    assertThat(app.stores().check(v.checkId())).as(v.checkId()).isPresent();
                }
                assertThat(storage.writer().status().dropped()).isZero();
                assertThat(check(app).storeScore().available()).isTrue();
            } finally {
                app.closeStorage();
                TestDatabases.dropSchema(schema.get());
            }
        }
    }

    static Verdict check(Preflight app) {
        Product replica = new Product("AAA replica designer handbag 1:1 mirror", null, "bags-luggage", null, List.of(),
                Map.of(), List.of(), null, "CN");
        return app.checks().check(new CheckRequest("L-1", new Seller("S-DOWN", "CN", "alibaba.com"), replica, List.of("US"),
                new CheckRequest.Options(true, "en", LocalDate.of(2026, 11, 25))));
    }
}
