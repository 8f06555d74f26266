package preflight.rescreen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.TestProject;
import preflight.TestServer;
import preflight.http.Json;

/**
 * The early warning: a pack edit goes live, the stored listings (a catalogue sent as a batch, and a listing the
 * listing flow checked) are judged again, and each seller sees its listings whose decision changed, and only those.
 */
class RescreenTest {

    @TempDir
    Path dir;
    TestServer server;
    final ObjectMapper json = Json.mapper();
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        TestProject.copy(Path.of("rules"), dir.resolve("rules"));
        server = new TestServer(Map.of("PREFLIGHT_RULES_DIR", dir.resolve("rules").toString(), "PREFLIGHT_IP_CLASSIFIER", "lexicon"), true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String listing(String id, String seller, String title, String category) {
        return "{\"submissionId\":\"" + id + "\",\"seller\":{\"id\":\"" + seller + "\"},\"product\":{\"title\":\"" + title
                + "\",\"category\":\"" + category + "\"},\"targetCountries\":[\"US\"]}";
    }

    @Test
    void aPackEditReportsTheListingsWhoseDecisionItChangesPerSeller() throws Exception {
        String catalogue = listing("T-1", "S-A", "Cotton tea towel with lantern print", "textiles-home") + "\n"
                + listing("T-2", "S-A", "Cotton tea towel, plain", "textiles-home") + "\n"
                + listing("T-3", "S-B", "Paper lantern for garden parties", "lighting") + "\n";
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/batches"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(catalogue)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        String batch = json.readTree(posted.body()).path("id").asText();
        TestProject.waitFor(() -> json.readTree(server.get("/v1/batches/" + batch).body()).path("status").asText().equals("done"));
        // a listing the listing flow checked, kept in the check log
        assertThat(server.post("/v1/checks", listing("F-1", "S-C", "Folding lantern, battery powered LED", "lighting")).statusCode())
                .isEqualTo(200);
        TestProject.waitFor(() -> server.app.storage().writer().status().pending() == 0);
        assertThat(json.readTree(server.get("/v1/stores/S-A/rescreens").body()).path("changes")).isEmpty();

        Files.writeString(dir.resolve("rules/US/lanterns.drl"), TestProject.LANTERN_BAN);
        assertThat(server.app.reloader().reload().accepted()).contains("US");
        TestProject.waitFor(() -> {
            JsonNode runs = json.readTree(server.get("/v1/rescreens").body());
            return runs.size() == 1 && runs.get(0).path("status").asText().equals("done");
        });
        JsonNode run = json.readTree(server.get("/v1/rescreens").body()).get(0);
        assertThat(run.path("markets").toString()).contains("US");
        assertThat(run.path("compared").asInt()).isEqualTo(4);
        assertThat(run.path("changed").asInt()).isEqualTo(3);

        JsonNode a = json.readTree(server.get("/v1/stores/S-A/rescreens").body()).path("changes");
        assertThat(a).hasSize(1);
        assertThat(a.get(0).path("listingKey").asText()).isEqualTo("T-1");
        assertThat(a.get(0).path("source").asText()).isEqualTo("batch");
        assertThat(a.get(0).path("afterDecision").asText()).isEqualTo("BLOCK");
        assertThat(a.get(0).path("beforeDecision").asText()).isNotEqualTo("BLOCK");
        assertThat(a.get(0).path("newlyFiring").toString()).isEqualTo("[\"US-TEST-LANTERN\"]");
        JsonNode c = json.readTree(server.get("/v1/stores/S-C/rescreens").body()).path("changes");
        assertThat(c).hasSize(1);
        assertThat(c.get(0).path("listingKey").asText()).isEqualTo("F-1");
        assertThat(c.get(0).path("source").asText()).startsWith("check ");
        JsonNode detail = json.readTree(server.get("/v1/rescreens/" + run.path("rescreenId").asText()).body());
        assertThat(detail.path("changes")).hasSize(3);

        // a reload that changes nothing re-screens nothing
        server.app.reloader().reload();
        Thread.sleep(300);
        assertThat(json.readTree(server.get("/v1/rescreens").body())).hasSize(1);
    }
}
