package preflight.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.TestServer;

/** The v1 contract over real HTTP: shapes, asOf, and the 400s that name the field. */
class CheckApiTest {

    static TestServer server;
    static final ObjectMapper json = Json.mapper();

    @BeforeAll
    static void start() {
        server = new TestServer(true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ObjectNode earbuds() throws Exception {
        return (ObjectNode) json.readTree("""
                {"submissionId": "L-1", "seller": {"id": "S-42", "country": "CN"},
                 "product": {"title": "Wireless Earbuds Bluetooth 5.3 Noise Cancelling", "category": "wireless-audio",
                             "brand": "Soundpeak", "keywords": ["wireless earbuds"],
                             "attributes": {"wireless": "bluetooth", "battery": "lithium-ion", "batteryWh": 0.3},
                             "certifications": ["CE"], "hsCode": "8518.30", "origin": "CN"},
                 "targetCountries": ["US", "DE", "JP"], "options": {"asOf": "2026-11-25"}}
                """);
    }

    static ObjectNode product(ObjectNode body) {
        return (ObjectNode) body.get("product");
    }

    JsonNode postOk(JsonNode body) throws Exception {
        HttpResponse<String> r = server.post("/v1/checks", json.writeValueAsString(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    JsonNode postBad(JsonNode body, String field) throws Exception {
        HttpResponse<String> r = server.post("/v1/checks", json.writeValueAsString(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode err = json.readTree(r.body());
        assertThat(err.path("error").asText()).isEqualTo("invalid request");
        assertThat(err.path("details").findValuesAsText("field")).as(r.body()).contains(field);
        return err;
    }

    @Test
    void verdictHasEveryContractFieldAndEchoesSubmissionId() throws Exception {
        JsonNode v = postOk(earbuds());
        assertThat(v.fieldNames()).toIterable().contains("checkId", "submissionId", "decision", "riskScore",
                "findings", "upcoming", "ip", "storeScore", "rulePacks");
        assertThat(v.path("submissionId").asText()).isEqualTo("L-1");
        assertThat(v.path("decision").asText()).isIn("PASS", "WARN", "BLOCK");
        JsonNode store = v.path("storeScore");
        assertThat(store.path("available").asBoolean()).isTrue();
        assertThat(store.path("platform").asText()).isEqualTo("alibaba.com");
        assertThat(store.fieldNames()).toIterable().contains("currentPoints", "expectedPoints", "expectedDeduction",
                "breachProbability", "drivers");
        assertThat(v.path("rulePacks").has("global")).isTrue();
        assertThat(v.path("rulePacks").has("JP")).isTrue();
        for (JsonNode f : v.path("findings")) {
            assertThat(f.fieldNames()).toIterable().contains("ruleId", "country", "category", "severity", "message",
                    "regulation", "evidence", "fix", "effectiveFrom", "penaltyPoints");
            assertThat(f.path("regulation").path("url").asText()).startsWith("http");
        }
    }

    @Test
    void bluetoothEarbudsWithoutMarksGetAJapaneseCertificationFinding() throws Exception {
        JsonNode v = postOk(earbuds());
        assertThat(v.path("findings")).anySatisfy(f -> {
            assertThat(f.path("country").asText()).isEqualTo("JP");
            assertThat(f.path("ruleId").asText()).isEqualTo("JP-RADIO-GITEKI");
            assertThat(f.path("evidence").findValuesAsText("field")).contains("product.attributes.wireless");
        });
    }

    @Test
    void euMeansTheBlocAndUkMeansGb() throws Exception {
        ObjectNode body = earbuds();
        body.set("targetCountries", json.readTree("[\"EU\", \"UK\", \"GB\"]"));
        JsonNode v = postOk(body);
        assertThat(v.path("rulePacks").has("EU")).isTrue();
        assertThat(v.path("rulePacks").has("UK")).isTrue();
        assertThat(v.path("findings").findValuesAsText("country")).doesNotContain("GB");
    }

    @Test
    void missingTitleNamesTheField() throws Exception {
        ObjectNode body = earbuds();
        product(body).remove("title");
        postBad(body, "product.title");
        product(body).put("title", "   ");
        postBad(body, "product.title");
        ((ObjectNode) body.get("seller")).put("id", "");
        postBad(body, "seller.id");
    }

    @Test
    void unknownEmptyOrMistypedCountriesAreRejected() throws Exception {
        ObjectNode body = earbuds();
        body.set("targetCountries", json.readTree("[\"US\", \"XX\"]"));
        postBad(body, "targetCountries[1]");
        body.set("targetCountries", json.readTree("[]"));
        postBad(body, "targetCountries");
        body.put("targetCountries", "US");
        postBad(body, "targetCountries");
        body.set("targetCountries", json.readTree("[42]"));
        postBad(body, "targetCountries[0]");
    }

    @Test
    void unknownCategoryIsRejected() throws Exception {
        ObjectNode body = earbuds();
        product(body).put("category", "spaceships");
        postBad(body, "product.category");
    }

    @Test
    void overLongTitleIsRejected() throws Exception {
        ObjectNode body = earbuds();
        product(body).put("title", "x".repeat(501));
        postBad(body, "product.title");
        product(body).put("title", "x".repeat(500));
        postOk(body);
    }

    @Test
    void wrongTypesAreRejected() throws Exception {
        ObjectNode body = earbuds();
        product(body).put("title", 12);
        product(body).put("keywords", "not a list");
        ((ObjectNode) body.get("seller")).put("id", true);
        ((ObjectNode) body.get("options")).put("ipCheck", "yes");
        JsonNode err = postBad(body, "product.title");
        assertThat(err.path("details").findValuesAsText("field"))
                .contains("product.keywords", "seller.id", "options.ipCheck");
    }

    @Test
    void negativeAndNonFiniteNumbersAreRejected() throws Exception {
        ObjectNode body = earbuds();
        ((ObjectNode) body.path("product").path("attributes")).put("batteryWh", -1);
        postBad(body, "product.attributes.batteryWh");
        String huge = json.writeValueAsString(earbuds()).replace("\"batteryWh\":0.3", "\"batteryWh\":1e400");
        HttpResponse<String> r = server.post("/v1/checks", huge);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("product.attributes.batteryWh");
    }

    @Test
    void controlCharactersAreRejected() throws Exception {
        ObjectNode body = earbuds();
        product(body).put("title", "Earbuds\u0000\u0007");
        postBad(body, "product.title");
    }

    @Test
    void deepNestingIsRejected() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        HttpResponse<String> r = server.post("/v1/checks", deep);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).path("details").findValuesAsText("field")).contains("body");
        ObjectNode body = earbuds();
        ((ObjectNode) body.path("product").path("attributes")).set("nested",
                json.readTree("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}"));
        postBad(body, "product.attributes.nested.a.b.c.d");
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() throws Exception {
        ObjectNode body = earbuds();
        product(body).put("description", "a".repeat(1_100_000));
        HttpResponse<String> r = server.post("/v1/checks", json.writeValueAsString(body));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json.readTree(r.body()).path("details").findValuesAsText("field")).contains("body");
    }

    @Test
    void malformedJsonIsA400NotA500() throws Exception {
        for (String bad : new String[] {"{\"seller\": {", "", "null", "[1,2]", "{\"a\":1} trailing", "\"text\""}) {
            HttpResponse<String> r = server.post("/v1/checks", bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(r.body()).path("details").findValuesAsText("field")).as(bad).contains("body");
        }
    }

    @Test
    void invalidDateInAsOfIsRejected() throws Exception {
        ObjectNode body = earbuds();
        ((ObjectNode) body.get("options")).put("asOf", "2026-13-40");
        postBad(body, "options.asOf");
    }

    @Test
    void rulePacksListsEveryPackWithItsShape() throws Exception {
        HttpResponse<String> r = server.get("/v1/rule-packs");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode packs = json.readTree(r.body());
        assertThat(packs.isArray()).isTrue();
        assertThat(packs.findValuesAsText("market")).contains("global", "US", "EU", "UK", "JP");
        for (JsonNode p : packs) {
            assertThat(p.fieldNames()).toIterable().contains("market", "version", "ruleCount", "files", "loadedAt");
        }
    }

    @Test
    void unknownPathIsAJson404() throws Exception {
        HttpResponse<String> r = server.get("/v1/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json.readTree(r.body()).path("error").asText()).isEqualTo("not found");
    }

    @Test
    void upcomingRegulationsListDatedRulesOfTheMarketSoonestFirst() throws Exception {
        HttpResponse<String> r = server.get("/v1/regulations/upcoming?country=DE&within=730d&asOf=2026-11-25");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("until").asText()).isEqualTo("2028-11-24");
        java.util.List<String> dates = body.path("rules").findValuesAsText("effectiveFrom");
        assertThat(dates).isNotEmpty().isSorted().allMatch(d -> d.compareTo("2026-11-25") > 0 && d.compareTo("2028-11-24") <= 0);
        assertThat(body.path("rules").findValuesAsText("ruleId")).contains("EU-BATT-REPLACEABLE")
                .noneMatch(id -> id.startsWith("US-") || id.startsWith("JP-"));
        HttpResponse<String> later = server.get("/v1/regulations/upcoming?country=DE&within=730d&asOf=2027-03-01");
        assertThat(json.readTree(later.body()).path("rules").findValuesAsText("ruleId")).doesNotContain("EU-BATT-REPLACEABLE");
    }

    @Test
    void upcomingRegulationsNameTheWrongParameter() throws Exception {
        HttpResponse<String> r = server.get("/v1/regulations/upcoming?country=XX&within=soon");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).path("details").findValuesAsText("field")).containsExactly("country", "within");
    }

    @Test
    void onePackShowsItsLiveVersionAndAnUnknownOneIs404() throws Exception {
        var r = server.get("/v1/rule-packs/US");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode us = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(us.path("live").path("version").asText()).isNotBlank();
        assertThat(us.path("live").path("versions").has("global")).isTrue();
        assertThat(server.get("/v1/rule-packs/XX").statusCode()).isEqualTo(404);
    }
}
