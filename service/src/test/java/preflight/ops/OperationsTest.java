package preflight.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.TestServer;
import preflight.check.Admission;

/** What the people who run the service see and rely on: metrics, request ids, probes, and 429 under overload. */
class OperationsTest {

    static final String CHECK = """
            {"seller": {"id": "S-OPS", "country": "CN"}, "product": {"title": "Wireless earbuds bluetooth 5.3",
             "category": "wireless-audio"}, "targetCountries": ["US", "DE"], "options": {"asOf": "2026-11-25"}}""";
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static TestServer server;

    @BeforeAll
    static void start() {
        // one evaluator, one place in the queue, a short wait: overload can be made on purpose
        server = new TestServer(Map.of("PREFLIGHT_IP_CLASSIFIER", "lexicon", "PREFLIGHT_CHECK_CONCURRENCY", "1",
                "PREFLIGHT_CHECK_QUEUE", "1", "PREFLIGHT_REQUEST_TIMEOUT_MS", "300"), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsShowRequestsChecksFindingsPacksTheCheckLogAndTheJvm() throws Exception {
        assertThat(post("/v1/checks", CHECK, Map.of()).statusCode()).isEqualTo(200);
        assertThat(post("/v1/checks", "{}", Map.of()).statusCode()).isEqualTo(400);

        HttpResponse<String> m = server.get("/metrics");

        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String text = m.body();
        assertThat(text).contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/checks\",status=\"200\"}")
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/checks\",status=\"400\"}")
                .contains("http_server_requests_seconds_bucket{")
                .contains("preflight_checks_total{decision=\"")
                .contains("preflight_findings_total{country=\"US\",rule=\"US-FCC-AUTH\"}")
                .contains("preflight_pack_loaded{market=\"US\",version=\"")
                .contains("preflight_checklog_pending")
                .contains("preflight_checklog_write_failures_total")
                .contains("preflight_checks_waiting")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_gc_");
    }

    @Test
    void checksAreCountedAsCallersGotThem() throws Exception {
        String before = server.get("/metrics").body();
        assertThat(post("/v1/checks", CHECK, Map.of()).statusCode()).isEqualTo(200);
        assertThat(count(server.get("/metrics").body(), "preflight_checks_total{decision=\"BLOCK\"}")
                + count(server.get("/metrics").body(), "preflight_checks_total{decision=\"WARN\"}")
                + count(server.get("/metrics").body(), "preflight_checks_total{decision=\"PASS\"}"))
                .isEqualTo(count(before, "preflight_checks_total{decision=\"BLOCK\"}")
                        + count(before, "preflight_checks_total{decision=\"WARN\"}")
                        + count(before, "preflight_checks_total{decision=\"PASS\"}") + 1);
    }

    static double count(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void unknownPathsShareOneRouteLabelSoTheyCannotFloodTheMetrics() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(server.get("/no/such/path-" + i).statusCode()).isEqualTo(404);
        }
        String text = server.get("/metrics").body();
        assertThat(text).doesNotContain("path-0", "path-1");
    }

    @Test
    void everyResponseCarriesARequestIdTheCallersOwnWhenSane() throws Exception {
        HttpResponse<String> mine = post("/v1/checks", CHECK, Map.of("X-Request-Id", "flow-7f3a-0001"));
        assertThat(mine.headers().firstValue("X-Request-Id")).hasValue("flow-7f3a-0001");

        HttpResponse<String> none = server.get("/health");
        assertThat(none.headers().firstValue("X-Request-Id").orElse("")).hasSize(36);

        HttpResponse<String> odd = post("/v1/checks", CHECK, Map.of("X-Request-Id", "x".repeat(300)));
        assertThat(odd.headers().firstValue("X-Request-Id").orElse("")).hasSize(36);
    }

    @Test
    void theProcessSaysItIsAliveAndWhetherItIsReady() throws Exception {
        assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = server.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"ready\"", "\"database\"", "\"checkLog\"");
    }

    @Test
    void pastTheQueueOrTheWaitAChecksIsTurnedAwayWith429() throws Exception {
        Admission admission = server.app.checks().admission();
        admission.enter(0, Duration.ZERO); // the one evaluator is busy
        try {
            CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return post("/v1/checks", CHECK, Map.of());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < 200 && admission.waiting() == 0; i++) {
                Thread.sleep(5);
            }
            HttpResponse<String> queueFull = post("/v1/checks", CHECK, Map.of());
            assertThat(queueFull.statusCode()).isEqualTo(429);
            assertThat(queueFull.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(queueFull.body()).contains("already waiting");

            HttpResponse<String> timedOut = waiting.get();
            assertThat(timedOut.statusCode()).isEqualTo(429);
            assertThat(timedOut.body()).contains("within 300 ms");
        } finally {
            admission.leave();
        }
        assertThat(post("/v1/checks", CHECK, Map.of()).statusCode()).isEqualTo(200);
        assertThat(server.get("/metrics").body()).contains("preflight_checks_rejected_total{reason=\"queue\"} 1.0")
                .contains("preflight_checks_rejected_total{reason=\"timeout\"} 1.0");
    }
}
