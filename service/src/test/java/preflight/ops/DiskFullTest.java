package preflight.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import preflight.TestServer;

/**
 * The data folder's disk is full (SQLite refuses to grow: max_page_count stands in for the disk): checks
 * still answer, and the failure shows in the metrics and in the readiness answer.
 */
class DiskFullTest {

    static final String CHECK = """
            {"seller": {"id": "S-FULL", "country": "CN"}, "product": {"title": "Bluetooth speaker waterproof",
             "description": "%s", "category": "wireless-audio"}, "targetCountries": ["US", "DE", "JP", "UK", "FR"]}""";

    @Test
    void checksAnswerAndTheFailureIsVisibleWhenTheDiskIsFull() throws Exception {
        Path data = Files.createTempDirectory("preflight-full");
        String url = "jdbc:sqlite:" + data.resolve("preflight.db") + "?max_page_count=60";
        try (TestServer server = new TestServer(Map.of("PREFLIGHT_IP_CLASSIFIER", "lexicon", "PREFLIGHT_DB_URL", url), true)) {
            for (int i = 0; i < 50; i++) { // the schema is in; let the database come up before filling it
                if (server.get("/health").body().contains("\"migrated\":true")) {
                    break;
                }
                Thread.sleep(100);
            }
            String failures = "";
            for (int i = 0; i < 400 && !failures.matches("(?s).*preflight_checklog_write_failures_total [1-9].*"); i++) {
                var r = server.post("/v1/checks", CHECK.formatted("Long description to fill pages, listing " + i + " ".repeat(2000)));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                if (i % 20 == 19) {
                    Thread.sleep(300); // the writer writes in batches, off the check's path
                    failures = server.get("/metrics").body();
                }
            }
            assertThat(failures).containsPattern("preflight_checklog_write_failures_total [1-9]");
            var ready = server.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200); // still answering checks; the records wait in the buffer
            assertThat(ready.body()).contains("SQLITE_FULL");
            assertThat(server.post("/v1/checks", CHECK.formatted("one more")).statusCode()).isEqualTo(200);
        }
    }
}
