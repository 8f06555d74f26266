package preflight.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.Preflight;
import preflight.TestProject;
import preflight.batch.BatchRow;
import preflight.bench.FlakyProxy;
import preflight.http.Json;

/** A pack change while the database is away is still re-screened once it is back: no seller misses the warning. */
class RescreenDatabaseDownTest {

    @Test
    void aRescreenTheDatabaseInterruptedIsTriedAgainAndFindsTheChange(@TempDir Path dir) throws Exception {
        Optional<String> schema = TestDatabases.postgres();
        assumeTrue(schema.isPresent(), "PostgreSQL is not reachable at 127.0.0.1:5432");
        TestProject.copy(Path.of("rules"), dir.resolve("rules"));
        try (FlakyProxy proxy = new FlakyProxy("127.0.0.1", 5432)) {
            Preflight app = DatabaseDownTest.behind(proxy, schema.get(), 200, Map.of("PREFLIGHT_RULES_DIR", dir.resolve("rules").toString(),
                    "PREFLIGHT_RESCREEN_RETRY_SECONDS", "1"));
            try {
                TestProject.waitFor(() -> app.storage().database().status().migrated());
                BatchRow lantern = new BatchRow(1, app.parser().parse(Json.mapper().readTree("{\"submissionId\":\"R-1\",\"seller\":"
                        + "{\"id\":\"S-R\"},\"product\":{\"title\":\"Paper lantern for garden parties\",\"category\":\"lighting\"},"
                        + "\"targetCountries\":[\"US\"]}")), null);
                String batch = app.reporting().batches().submit(List.of(lantern), "test", null).id();
                TestProject.waitFor(() -> app.reporting().batches().status(batch).orElseThrow().status().equals("done"));

                proxy.down();
                Files.writeString(dir.resolve("rules/US/lanterns.drl"), TestProject.LANTERN_BAN);
                assertThat(app.reloader().reload().accepted()).contains("US");
                Thread.sleep(1_500); // the re-screen fails at least once while the database is away
                proxy.up();

                Rescreens rescreens = app.reporting().rescreens();
                TestProject.waitFor(() -> rescreens.latest(10).stream().anyMatch(r -> r.status().equals("done")));
                Rescreens.Run done = rescreens.latest(10).stream().filter(r -> r.status().equals("done")).findFirst().orElseThrow();
                assertThat(done.markets()).contains("US");
                List<Rescreens.Change> changes = rescreens.changes(done.rescreenId(), "S-R", 10);
                assertThat(changes).hasSize(1);
                assertThat(changes.get(0).listingKey()).isEqualTo("R-1");
                assertThat(changes.get(0).afterDecision()).isEqualTo("BLOCK");
            } finally {
                app.closeStorage();
                TestDatabases.dropSchema(schema.get());
            }
        }
    }
}
