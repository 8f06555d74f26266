package preflight.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.TestServer;
import preflight.http.Json;

/** Catalogue checks over HTTP: 202, progress, results in line order, bad rows on their line, the summary and report. */
class BatchApiTest {

    static TestServer server;
    static final ObjectMapper json = Json.mapper();
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new TestServer(Map.of("PREFLIGHT_IP_CLASSIFIER", "lexicon", "PREFLIGHT_BATCH_MAX_ROWS", "500"), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String contentType, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/batches")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String listing(int i, String title, String category, String country) {
        return "{\"submissionId\":\"L-" + i + "\",\"seller\":{\"id\":\"S-7\",\"platform\":\"alibaba.com\"},\"product\":{\"title\":\""
                + title + "\",\"category\":\"" + category + "\"},\"targetCountries\":[\"" + country + "\"],\"options\":{\"asOf\":\"2026-11-25\"}}";
    }

    static boolean finished(JsonNode status) {
        String s = status.path("status").asText();
        return s.equals("done") || s.equals("failed");
    }

    static JsonNode waitUntilDone(String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode s = json.readTree(server.get("/v1/batches/" + id).body());
            if (finished(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " still running after 60 s");
    }

    @Test
    void aJsonLinesCatalogueIsCheckedRowByRowAndABadRowIsReportedOnItsLine() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            body.append(switch (i % 3) {
                case 0 -> listing(i, "Wooden stacking blocks toy for toddlers", "toys", "US");
                case 1 -> listing(i, "Cotton tea towel", "textiles-home", "US");
                default -> listing(i, "Button cell battery remote", "electronics", "AU");
            }).append('\n');
        }
        body.append("{not json\n");
        body.append(listing(300, "Lamp", "no-such-category", "US")).append('\n');
        HttpResponse<String> posted = post("application/x-ndjson", body.toString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode accepted = json.readTree(posted.body());
        assertThat(accepted.path("total").asInt()).isEqualTo(302);
        assertThat(accepted.path("refused").asInt()).isEqualTo(2);
        assertThat(posted.headers().firstValue("Location")).hasValue("/v1/batches/" + accepted.path("id").asText());
        String id = accepted.path("id").asText();

        JsonNode done = waitUntilDone(id);
        assertThat(done.path("status").asText()).isEqualTo("done");
        assertThat(done.path("done").asInt()).isEqualTo(302);
        assertThat(done.path("eta").asInt()).isZero();
        assertThat(done.path("rate").asDouble()).isPositive();

        List<JsonNode> results = new ArrayList<>();
        for (String line : server.get("/v1/batches/" + id + "/results").body().split("\n")) {
            results.add(json.readTree(line));
        }
        assertThat(results).hasSize(302);
        assertThat(results).extracting(r -> r.path("line").asInt()).isSorted();
        assertThat(results.get(0).path("verdict").path("submissionId").asText()).isEqualTo("L-0");
        assertThat(results.get(0).path("verdict").path("findings").toString()).contains("US-CPSC-CPC");
        assertThat(results.get(1).path("decision").asText()).isEqualTo("PASS");
        assertThat(results.get(300).path("line").asInt()).isEqualTo(301);
        assertThat(results.get(300).path("problem").asText()).startsWith("not valid JSON");
        assertThat(results.get(301).path("problem").asText()).contains("product.category");

        JsonNode summary = json.readTree(server.get("/v1/batches/" + id + "/summary").body());
        assertThat(summary.path("listings").asInt()).isEqualTo(302);
        assertThat(summary.path("checked").asInt()).isEqualTo(300);
        assertThat(summary.path("refused").asInt()).isEqualTo(2);
        assertThat(summary.path("decisions").path("PASS").asInt()).isEqualTo(100);
        assertThat(summary.path("listingsByCategory").path("toys").asInt()).isEqualTo(100);
        assertThat(summary.path("rules").get(0).path("listings").asInt()).isEqualTo(100);
        assertThat(summary.path("worst").get(0).path("decision").asText()).isNotEqualTo("PASS");
        assertThat(summary.path("problems")).hasSize(2);
        // every toy listing is past CPSC's eFiling date or before it: upcoming rules carry how many listings they break
        assertThat(summary.path("score").get(0).path("ledger").asText()).isEqualTo("points");
        assertThat(summary.path("score").get(0).path("listingsWithFindings").asInt()).isEqualTo(200);

        HttpResponse<String> report = server.get("/v1/batches/" + id + "/report?locale=zh");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(report.body()).contains("<html lang=\"zh-CN\"", "商品目录报告", "<svg", "US-CPSC-CPC", "第 301 行", "not valid JSON");
    }

    @Test
    void aCsvCatalogue() throws Exception {
        String csv = "submissionId,seller.id,product.title,product.category,targetCountries\n"
                + "C-1,S-8,Plush teddy bear,toys,US;UK\n"
                + "C-2,S-8,\"Cotton towel, 2 pack\",textiles-home,US\n";
        HttpResponse<String> posted = post("text/csv; charset=utf-8", csv);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String id = json.readTree(posted.body()).path("id").asText();
        assertThat(waitUntilDone(id).path("status").asText()).isEqualTo("done");
        String results = server.get("/v1/batches/" + id + "/results").body();
        assertThat(results.split("\n")).hasSize(2);
        assertThat(results).contains("\"line\":2", "\"line\":3", "UK-TOY-UKCA-CE");
    }

    @Test
    void badBatchesAreRefusedNamingWhatIsWrong() throws Exception {
        HttpResponse<String> wrongType = post("application/json", listing(1, "Lamp", "lighting", "US"));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.body()).contains("Content-Type");
        HttpResponse<String> empty = post("application/x-ndjson", "\n\n");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"body\"").contains("no listings");
        HttpResponse<String> header = post("text/csv", "seller.id,title\nS-1,Lamp\n");
        assertThat(header.statusCode()).isEqualTo(400);
        assertThat(header.body()).contains("unknown column 'title'");
        HttpResponse<String> tooMany = post("application/x-ndjson", (listing(1, "Lamp", "lighting", "US") + "\n").repeat(501));
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).contains("at most 500 listings");
        assertThat(server.get("/v1/batches/no-such-batch").statusCode()).isEqualTo(404);
        assertThat(server.get("/v1/batches/no-such-batch/report").statusCode()).isEqualTo(404);
    }

    @Test
    void everyJsonTestSuiteDocumentAsARowIsCheckedOrRefusedNeverA5xx() throws Exception {
        // third-party test data (../shared/testdata): each parser-test document one line of a catalogue
        java.nio.file.Path suite = java.nio.file.Path.of("../shared/testdata/jsontestsuite/test_parsing");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(suite), "../shared/testdata is absent on this machine");
        StringBuilder body = new StringBuilder();
        int rows = 0;
        try (var files = java.nio.file.Files.list(suite)) {
            for (java.nio.file.Path f : files.sorted().toList()) {
                String text = new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
                if (text.isBlank() || text.contains("\n") || text.contains("\r") || rows >= 500) {
                    continue; // a line of JSON Lines holds no line break
                }
                body.append(text).append('\n');
                rows++;
            }
        }
        HttpResponse<String> posted = post("application/x-ndjson", body.toString());
        assertThat(posted.statusCode()).as(posted.body()).isIn(202, 400, 413);
        if (posted.statusCode() == 202) {
            JsonNode done = waitUntilDone(json.readTree(posted.body()).path("id").asText());
            assertThat(done.path("status").asText()).isEqualTo("done");
            assertThat(done.path("refused").asInt()).isPositive();
            HttpResponse<String> results = server.get("/v1/batches/" + done.path("id").asText() + "/results");
            assertThat(results.statusCode()).isEqualTo(200);
            assertThat(results.body().split("\n")).hasSize(done.path("total").asInt());
        }
    }
}
