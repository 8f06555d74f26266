package preflight.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.TestServer;

/** The store's record over HTTP, on the embedded SQLite: ledger, forecast in the check, check log, outcomes. */
class StoreApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode body(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static String replicaCheck(String sellerId) {
        return """
                {"submissionId": "L-77", "seller": {"id": "%s", "country": "CN", "platform": "alibaba.com"},
                 "product": {"title": "AAA replica designer handbag 1:1 mirror leather", "category": "bags-luggage"},
                 "targetCountries": ["US"], "options": {"asOf": "2026-11-25"}}""".formatted(sellerId);
    }

    @Test
    void aRecordedPenaltyCountsInTheStandingAndInTheNextForecast() throws Exception {
        HttpResponse<String> created = server.post("/v1/stores/S-API-1/penalties", """
                {"violationType": "counterfeit", "ruleId": "IP-COUNTERFEIT-WORDING", "points": 6, "date": "2026-10-01",
                 "listingId": "L-9", "source": "platform notice"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(body(created).path("penaltyId").asText()).isNotBlank();

        JsonNode standing = body(server.get("/v1/stores/S-API-1?asOf=2026-11-25"));
        assertThat(standing.path("platform").asText()).isEqualTo("alibaba.com");
        JsonNode points = standing.path("ledgers").get(0);
        assertThat(points.path("points").asInt()).isEqualTo(6);
        assertThat(points.path("next").path("at").asInt()).isEqualTo(12);
        assertThat(points.path("next").path("sanction").asText()).isEqualTo("7-day restriction");

        JsonNode verdict = body(server.post("/v1/checks", replicaCheck("S-API-1")));
        JsonNode store = verdict.path("storeScore");
        assertThat(store.path("available").asBoolean()).isTrue();
        assertThat(store.path("currentPoints").asInt()).isEqualTo(6);
        assertThat(store.path("breachProbability").path("12").asDouble()).isGreaterThan(0.5);
        assertThat(store.path("drivers").get(0).path("ruleId").asText()).isEqualTo("IP-COUNTERFEIT-WORDING");
        assertThat(verdict.path("findings").get(0).path("penaltyPoints").asInt()).isEqualTo(6);
    }

    @Test
    void badPenaltiesAreRefusedFieldByField() throws Exception {
        HttpResponse<String> r = server.post("/v1/stores/S-API-2/penalties", "{\"points\": -3, \"date\": \"yesterday\", \"platform\": \"mars\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).path("details").findValuesAsText("field")).contains("violationType", "points", "date", "platform");

        assertThat(server.post("/v1/stores/S-API-2/penalties", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(server.get("/v1/stores/S-API-2?asOf=soon").statusCode()).isEqualTo(400);
    }

    @Test
    void everyCheckIsOnRecordAndOutcomesAreLearnedOnce() throws Exception {
        JsonNode verdict = body(server.post("/v1/checks", replicaCheck("S-API-3")));
        String checkId = verdict.path("checkId").asText();
        assertThat(server.app.storage().writer().flush(Duration.ofSeconds(10))).isTrue();

        JsonNode record = body(server.get("/v1/checks/" + checkId));
        assertThat(record.path("decision").asText()).isEqualTo("BLOCK");
        assertThat(record.path("classifier").asText()).isEqualTo("lexicon");
        assertThat(record.path("sellerId").asText()).isEqualTo("S-API-3");
        assertThat(record.path("rulePacks").has("global")).isTrue();
        assertThat(record.path("verdict").path("checkId").asText()).isEqualTo(checkId);
        assertThat(record.path("request").path("product").path("title").asText()).contains("replica");

        String outcome = "{\"published\": true, \"enforced\": [\"IP-COUNTERFEIT-WORDING\"], \"points\": 6}";
        assertThat(server.post("/v1/checks/" + checkId + "/outcome", outcome).statusCode()).isEqualTo(201);
        assertThat(server.post("/v1/checks/" + checkId + "/outcome", outcome).statusCode()).isEqualTo(409);
        assertThat(server.post("/v1/checks/no-such-check/outcome", outcome).statusCode()).isEqualTo(404);
        assertThat(server.post("/v1/checks/" + checkId + "/outcome", "{\"enforced\": \"all\"}").statusCode()).isEqualTo(400);
        assertThat(server.get("/v1/checks/no-such-check").statusCode()).isEqualTo(404);

        JsonNode calibration = body(server.get("/v1/calibration"));
        assertThat(calibration.path("forecasts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(calibration.path("reliability")).hasSize(10);
    }

    @Test
    void healthShowsTheDatabaseAndTheCheckLogBuffer() throws Exception {
        JsonNode health = body(server.get("/health"));
        assertThat(health.path("database").path("migrated").asBoolean()).isTrue();
        assertThat(health.path("checkLog").has("pending")).isTrue();
        assertThat(health.path("checkLog").path("dropped").asInt()).isZero();
    }
}
