package preflight.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.TestServer;

/**
 * Third-party robustness data from ../shared/testdata: every JSONTestSuite document as a body, and every
 * naughty string as a title and description. Never a 5xx; invalid JSON never a 200; every 200 a verdict.
 */
class RobustnessTest {

    static final Path TESTDATA = Path.of("../shared/testdata");
    static TestServer server;
    static final ObjectMapper json = Json.mapper();

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isDirectory(TESTDATA),
                "../shared/testdata is absent: third-party robustness data not available on this machine");
        server = new TestServer(true);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void jsonTestSuiteNeverGetsA5xxAndInvalidJsonIsNeverAccepted() throws Exception {
        List<String> fiveHundreds = new ArrayList<>();
        List<String> acceptedInvalid = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.list(TESTDATA.resolve("jsontestsuite/test_parsing"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                files++;
                HttpResponse<String> r = server.post("/v1/checks", Files.readAllBytes(f));
                String name = f.getFileName().toString();
                if (r.statusCode() >= 500) {
                    fiveHundreds.add(name);
                }
                if (name.startsWith("n_") && r.statusCode() == 200) {
                    acceptedInvalid.add(name);
                }
                if (r.statusCode() == 400) {
                    assertThat(json.readTree(r.body()).path("details").isArray()).as(name).isTrue();
                }
            }
        }
        assertThat(files).isGreaterThan(300);
        assertThat(fiveHundreds).isEmpty();
        assertThat(acceptedInvalid).isEmpty();
    }

    @Test
    void naughtyStringsAsTitleAndDescriptionNeverBreakTheVerdict() throws Exception {
        JsonNode strings = json.readTree(TESTDATA.resolve("naughty-strings/blns.json").toFile());
        int ok = 0;
        for (JsonNode s : strings) {
            ObjectNode body = CheckApiTest.earbuds();
            ObjectNode product = (ObjectNode) body.get("product");
            product.put("title", s.asText().isEmpty() ? "x" : s.asText());
            product.put("description", s.asText());
            HttpResponse<String> r = server.post("/v1/checks", json.writeValueAsString(body));
            assertThat(r.statusCode()).as(s.asText()).isIn(200, 400);
            JsonNode v = json.readTree(r.body());
            if (r.statusCode() == 200) {
                ok++;
                assertThat(v.path("decision").asText()).as(s.asText()).isIn("PASS", "WARN", "BLOCK");
                assertThat(v.path("findings").isArray()).isTrue();
            } else {
                assertThat(v.path("details").findValuesAsText("field")).as(s.asText())
                        .allMatch(f -> f.startsWith("product."));
            }
        }
        assertThat(ok).as("most naughty strings are legitimate text and must be checked").isGreaterThan(strings.size() * 9 / 10);
    }
}
