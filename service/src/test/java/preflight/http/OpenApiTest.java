package preflight.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.TestServer;
import preflight.check.Verdict;
import preflight.listing.Categories;
import preflight.rules.Category;
import preflight.rules.Finding;
import preflight.rules.Severity;
import preflight.scoring.Decision;

/** Keeps /openapi.json true: every response field and enum of the code is documented, and vice versa. */
class OpenApiTest {

    static TestServer server;
    static JsonNode doc;
    static final ObjectMapper json = Json.mapper();

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(true);
        doc = json.readTree(server.get("/openapi.json").body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode schema(String name) {
        return doc.path("components").path("schemas").path(name);
    }

    static List<String> properties(String name) {
        List<String> out = new ArrayList<>();
        schema(name).path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void servedDocumentIsOpenApi3AndListsEveryRoute() {
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("paths").has("/v1/checks")).isTrue();
        assertThat(doc.path("paths").has("/v1/rule-packs")).isTrue();
        assertThat(doc.path("paths").has("/health")).isTrue();
        assertThat(doc.path("paths").has("/openapi.json")).isTrue();
        assertThat(doc.path("paths").fieldNames()).toIterable().contains("/v1/regulations/upcoming",
                "/v1/stores/{sellerId}/penalties", "/v1/stores/{sellerId}", "/v1/checks/{checkId}",
                "/v1/checks/{checkId}/outcome", "/v1/calibration", "/v1/rule-packs/{market}/candidates",
                "/v1/rule-packs/{market}/versions", "/v1/rule-packs/{market}/versions/{versionId}",
                "/v1/rule-packs/{market}/candidates/{versionId}", "/v1/rule-packs/{market}/candidates/{versionId}/preview",
                "/v1/rule-packs/{market}/candidates/{versionId}/shadow", "/v1/rule-packs/{market}/candidates/{versionId}/activate",
                "/v1/rule-packs/{market}/rollback", "/v1/audit", "/v1/admin/keys", "/v1/admin/keys/{keyId}",
                "/v1/checks/{checkId}/report", "/v1/batches", "/v1/batches/{batchId}", "/v1/batches/{batchId}/results",
                "/v1/batches/{batchId}/summary", "/v1/batches/{batchId}/report", "/v1/rescreens", "/v1/rescreens/{rescreenId}",
                "/v1/stores/{sellerId}/rescreens");
        assertThat(properties("Catalogue")).containsExactlyInAnyOrderElementsOf(components(preflight.batch.Catalogue.class));
        assertThat(properties("Rescreen")).containsExactlyInAnyOrderElementsOf(components(preflight.db.Rescreens.Run.class));
        assertThat(properties("RescreenChange")).containsExactlyInAnyOrderElementsOf(components(preflight.db.Rescreens.Change.class));
        assertThat(properties("BatchStatus")).containsAll(components(preflight.batch.Batches.Status.class).stream()
                .map(c -> c.equals("etaSeconds") ? "eta" : c).toList());
        assertThat(properties("PackVersion")).containsExactlyInAnyOrder("versionId", "market", "version", "status", "origin",
                "note", "createdBy", "createdAt", "activatedAt", "shadow", "errors", "failedCases", "files");
        assertThat(properties("AuditEntry")).containsExactlyInAnyOrderElementsOf(components(preflight.db.AuditLog.Entry.class));
        assertThat(properties("Impact")).containsExactlyInAnyOrderElementsOf(components(preflight.rollout.Impact.Summary.class));
        assertThat(properties("Preview")).containsExactlyInAnyOrderElementsOf(components(preflight.rollout.Rollout.Preview.class));
    }

    @Test
    void verdictAndFindingSchemasMatchTheRecordsTheServerSends() {
        assertThat(properties("Verdict")).containsExactlyInAnyOrderElementsOf(components(Verdict.class));
        assertThat(properties("Finding")).containsExactlyInAnyOrderElementsOf(components(Finding.class));
    }

    @Test
    void enumsMatchTheCode() {
        assertThat(texts(schema("Product").path("properties").path("category").path("enum")))
                .containsExactlyElementsOf(Categories.SLUGS);
        assertThat(texts(schema("Finding").path("properties").path("category").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(Category.values()).map(Enum::name).toList());
        assertThat(texts(schema("Finding").path("properties").path("severity").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(Severity.values()).map(Enum::name).toList());
        assertThat(texts(schema("Verdict").path("properties").path("decision").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(Decision.values()).map(Enum::name).toList());
    }

    @Test
    void aRealVerdictHasOnlyDocumentedFields() throws Exception {
        JsonNode v = json.readTree(server.post("/v1/checks", json.writeValueAsString(CheckApiTest.earbuds())).body());
        v.fieldNames().forEachRemaining(f -> assertThat(properties("Verdict")).contains(f));
        for (JsonNode f : v.path("findings")) {
            f.fieldNames().forEachRemaining(name -> assertThat(properties("Finding")).contains(name));
        }
        v.path("ip").fieldNames().forEachRemaining(f -> assertThat(properties("IpVerdict")).contains(f));
        v.path("storeScore").fieldNames().forEachRemaining(f -> assertThat(properties("StoreScore")).contains(f));
        JsonNode packs = json.readTree(server.get("/v1/rule-packs").body());
        packs.get(0).fieldNames().forEachRemaining(f -> assertThat(properties("RulePack")).contains(f));
    }

    @Test
    void requestSchemaNamesEveryFieldTheParserReads() {
        assertThat(properties("CheckRequest")).containsExactlyInAnyOrder("submissionId", "seller", "product",
                "targetCountries", "options");
        assertThat(properties("Product")).containsExactlyInAnyOrder("title", "description", "category", "brand",
                "keywords", "attributes", "certifications", "hsCode", "origin");
        assertThat(properties("Seller")).containsExactlyInAnyOrder("id", "country", "platform");
        assertThat(properties("Options")).containsExactlyInAnyOrder("ipCheck", "locale", "asOf");
        assertThat(schema("Product").path("properties").path("title").path("maxLength").asInt())
                .isEqualTo(CheckRequestParser.MAX_TITLE);
        assertThat(schema("Product").path("properties").path("description").path("maxLength").asInt())
                .isEqualTo(CheckRequestParser.MAX_DESCRIPTION);
    }
}
