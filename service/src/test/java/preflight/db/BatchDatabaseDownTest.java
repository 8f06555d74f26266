package preflight.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import preflight.Preflight;
import preflight.batch.BatchRow;
import preflight.batch.Batches;
import preflight.bench.FlakyProxy;
import preflight.http.Json;

/** A catalogue check while the database goes away and comes back: the batch finishes and no row's result is lost. */
class BatchDatabaseDownTest {

    @Test
    void aBatchOutlivesTheDatabaseGoingAway() throws Exception {
        Optional<String> schema = TestDatabases.postgres();
        assumeTrue(schema.isPresent(), "PostgreSQL is not reachable at 127.0.0.1:5432");
        try (FlakyProxy proxy = new FlakyProxy("127.0.0.1", 5432)) {
            Preflight app = DatabaseDownTest.behind(proxy, schema.get(), 200);
            try {
                List<BatchRow> rows = new ArrayList<>();
                for (int i = 1; i <= 3000; i++) {
                    String title = i % 2 == 0 ? "Wooden stacking blocks toy" : "Cotton tea towel";
                    rows.add(new BatchRow(i, app.parser().parse(Json.mapper().readTree("{\"submissionId\":\"D-" + i
                            + "\",\"seller\":{\"id\":\"S-D\",\"platform\":\"alibaba.com\"},\"product\":{\"title\":\"" + title
                            + "\",\"category\":\"" + (i % 2 == 0 ? "toys" : "textiles-home") + "\"},\"targetCountries\":[\"US\",\"DE\"]}")), null));
                }
                Batches batches = app.reporting().batches();
                String id = batches.submit(rows, "test", null).id();
                proxy.down();
                Thread.sleep(1500);
                assertThat(batches.status(id).orElseThrow().status()).as("still running while the database is away").isEqualTo("running");
                proxy.up();
                Batches.Status done = null;
                for (int i = 0; i < 600; i++) {
                    done = batches.status(id).orElseThrow();
                    if (done.status().equals("done") || done.status().equals("failed")) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(done.status()).isEqualTo("done");
                AtomicInteger verdicts = new AtomicInteger();
                batches.results(id, item -> {
                    if (item.verdict() != null) {
                        verdicts.incrementAndGet();
                    }
                });
                assertThat(verdicts.get()).as("every row's verdict written once the database was back").isEqualTo(3000);
                assertThat(batches.catalogue(id).orElseThrow().checked()).isEqualTo(3000);
            } finally {
                app.closeStorage();
                TestDatabases.dropSchema(schema.get());
            }
        }
    }
}
