package preflight.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.TestServer;
import preflight.http.Json;

/**
 * Batches that wait: one queued behind another, and one a stop interrupted, taken up at the next start over the
 * same data (the rows checked before the stop count as they were stored, the rest are checked then, and the
 * results and summary are those of one whole run); one that cannot be taken up fails without holding up the rest.
 */
class WaitingBatchesTest {

    private static final int ROWS = 15_000;
    private final ObjectMapper json = Json.mapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aBatchAStopInterruptedFinishesAtTheNextStartWithEveryRowCheckedOnce(@TempDir Path data) throws Exception {
        // one checking thread, so the batch is still running when the server stops
        Map<String, String> env = Map.of("PREFLIGHT_DATA_DIR", data.toString(), "PREFLIGHT_IP_CLASSIFIER", "lexicon",
                "PREFLIGHT_BATCH_THREADS", "1");
        StringBuilder body = new StringBuilder(catalogue(ROWS));
        body.append("{not json\n");

        String id;
        JsonNode atStop;
        Map<Integer, String> storedBeforeStop = new java.util.HashMap<>();
        try (TestServer first = new TestServer(env, true)) {
            id = submit(first, body.toString());
            atStop = waitFor(first, id, s -> s.path("done").asInt() >= 2_000);
            for (String line : first.get("/v1/batches/" + id + "/results").body().split("\n")) {
                JsonNode r = json.readTree(line);
                storedBeforeStop.put(r.path("line").asInt(), r.path("verdict").path("checkId").asText());
            }
        }
        assertThat(storedBeforeStop).as("verdicts stored before the stop").isNotEmpty();
        assertThat(atStop.path("status").asText()).as("the batch was still running when the server stopped").isEqualTo("running");
        assertThat(atStop.path("done").asInt()).isLessThan(ROWS);

        try (TestServer second = new TestServer(env, true)) {
            JsonNode done = waitFor(second, id, BatchApiTest::finished);
            assertThat(done.path("status").asText()).isEqualTo("done");
            assertThat(done.path("done").asInt()).isEqualTo(ROWS + 1);
            assertThat(done.path("total").asInt()).isEqualTo(ROWS + 1);
            assertThat(done.path("refused").asInt()).isEqualTo(1);

            String[] results = second.get("/v1/batches/" + id + "/results").body().split("\n");
            assertThat(results).hasSize(ROWS + 1);
            for (int i = 0; i < results.length; i++) {
                JsonNode r = json.readTree(results[i]);
                assertThat(r.path("line").asInt()).as("one result per line, in line order").isEqualTo(i + 1);
                if (i < ROWS) {
                    JsonNode verdict = r.path("verdict");
                    assertThat(verdict.path("submissionId").asText()).isEqualTo("L-" + i);
                    assertThat(r.path("decision").asText()).isEqualTo(verdict.path("decision").asText());
                    if (i % 3 == 1) {
                        assertThat(r.path("decision").asText()).as("line %d", i + 1).isEqualTo("PASS");
                    } else if (i % 3 == 0) {
                        assertThat(verdict.path("findings").toString()).as("line %d", i + 1).contains("US-CPSC-CPC");
                    }
                    String before = storedBeforeStop.get(i + 1);
                    if (before != null) {
                        assertThat(verdict.path("checkId").asText()).as("line %d was checked before the stop, not again", i + 1)
                                .isEqualTo(before);
                    }
                }
            }
            assertThat(json.readTree(results[ROWS]).path("problem").asText()).startsWith("not valid JSON");

            // the summary counts the rows checked before the stop (read back from their stored verdicts) and after it
            JsonNode summary = json.readTree(second.get("/v1/batches/" + id + "/summary").body());
            assertThat(summary.path("listings").asInt()).isEqualTo(ROWS + 1);
            assertThat(summary.path("checked").asInt()).isEqualTo(ROWS);
            assertThat(summary.path("refused").asInt()).isEqualTo(1);
            assertThat(summary.path("decisions").path("PASS").asInt()).isEqualTo(ROWS / 3);
            assertThat(summary.path("listingsByCategory").path("toys").asInt()).isEqualTo(ROWS / 3);
            assertThat(summary.path("listingsByCategory").path("electronics").asInt()).isEqualTo(ROWS / 3);
        }
    }

    @Test
    void aBatchSentWhileAnotherRunsIsQueuedThenChecked(@TempDir Path data) throws Exception {
        Map<String, String> env = Map.of("PREFLIGHT_DATA_DIR", data.toString(), "PREFLIGHT_IP_CLASSIFIER", "lexicon",
                "PREFLIGHT_BATCH_THREADS", "1");
        try (TestServer server = new TestServer(env, true)) {
            String first = submit(server, catalogue(ROWS));
            String second = submit(server, catalogue(3));
            JsonNode waiting = json.readTree(server.get("/v1/batches/" + second).body());
            assertThat(waiting.path("status").asText()).as("behind a batch of %d rows", ROWS).isEqualTo("queued");
            assertThat(waiting.path("done").asInt()).isZero();
            assertThat(waiting.path("total").asInt()).isEqualTo(3);
            assertThat(waitFor(server, first, s -> s.path("status").asText().equals("running")).path("done").asInt()).isLessThan(ROWS);
            assertThat(waitFor(server, second, BatchApiTest::finished).path("status").asText()).isEqualTo("done");
            assertThat(waitFor(server, first, BatchApiTest::finished).path("status").asText()).isEqualTo("done");
        }
    }

    @Test
    void aBatchWhoseStoredRowsCannotBeReadFailsWithTheReasonAndTheOthersResume(@TempDir Path data) throws Exception {
        Map<String, String> env = Map.of("PREFLIGHT_DATA_DIR", data.toString(), "PREFLIGHT_IP_CLASSIFIER", "lexicon",
                "PREFLIGHT_BATCH_THREADS", "1");
        String broken;
        String queued;
        try (TestServer first = new TestServer(env, true)) {
            broken = submit(first, catalogue(ROWS));
            queued = submit(first, catalogue(30));
            waitFor(first, broken, s -> s.path("done").asInt() >= 1_000);
        }
        // the last row of the interrupted batch, not checked yet, is damaged on disk while the service is down
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(preflight.db.Database.sqliteUrl(data));
             java.sql.PreparedStatement s = c.prepareStatement("UPDATE batch_items SET request = ? WHERE batch_id = ? AND line = ?")) {
            s.setString(1, "{\"seller\":");
            s.setString(2, broken);
            s.setInt(3, ROWS);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        try (TestServer second = new TestServer(env, true)) {
            JsonNode failed = waitFor(second, broken, BatchApiTest::finished);
            assertThat(failed.path("status").asText()).isEqualTo("failed");
            assertThat(failed.path("failure").asText()).contains("could not be resumed", "line " + ROWS);
            JsonNode done = waitFor(second, queued, BatchApiTest::finished);
            assertThat(done.path("status").asText()).isEqualTo("done");
            assertThat(done.path("done").asInt()).isEqualTo(30);
        }
    }

    private static String catalogue(int rows) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            body.append(switch (i % 3) {
                case 0 -> BatchApiTest.listing(i, "Wooden stacking blocks toy for toddlers", "toys", "US");
                case 1 -> BatchApiTest.listing(i, "Cotton tea towel", "textiles-home", "US");
                default -> BatchApiTest.listing(i, "Button cell battery remote", "electronics", "AU");
            }).append('\n');
        }
        return body.toString();
    }

    private String submit(TestServer server, String body) throws Exception {
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/batches"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        return json.readTree(posted.body()).path("id").asText();
    }

    private JsonNode waitFor(TestServer server, String id, java.util.function.Predicate<JsonNode> condition) throws Exception {
        for (int i = 0; i < 1_200; i++) {
            HttpResponse<String> r = server.get("/v1/batches/" + id);
            if (r.statusCode() == 200) {
                JsonNode s = json.readTree(r.body());
                if (condition.test(s)) {
                    return s;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("batch " + id + " did not get there within 60 s");
    }
}
