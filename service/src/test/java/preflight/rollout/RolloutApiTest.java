package preflight.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.TestProject;
import preflight.TestServer;

/**
 * Rule roll-out over HTTP, on a copy of the global and US packs: a candidate is staged (and refused when it
 * does not compile, runs code or breaks a golden case), previewed against the check log, shadowed on real
 * traffic, activated and rolled back, with every step in the audit log.
 */
class RolloutApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String LANTERN_RULE = """
            package rules.us.lanterns;

            import preflight.listing.Listing;
            global preflight.rules.Findings findings;

            rule "Camping lanterns sold in the US need a test label"
                @id("US-TEST-LANTERN") @category("LABELING") @severity("HIGH")
                @regulation("US-CPSIA-CPC") @effectiveFrom("2020-01-01")
            when
                $l : Listing( mentionsAny("lantern") )
            then
                findings.report(kcontext, $l, "A lantern needs a label.", "Add the label.");
            end
            """;

    @TempDir
    Path dir;
    TestProject project;
    TestServer server;

    @BeforeEach
    void start() {
        project = new TestProject(dir, "US", "JP");
        Map<String, String> env = new HashMap<>(project.env());
        env.put("PREFLIGHT_IP_CLASSIFIER", "lexicon");
        server = new TestServer(env, true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static JsonNode body(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    Map<String, String> usFiles() throws Exception {
        Map<String, String> files = new HashMap<>();
        try (var s = Files.list(project.root.resolve("rules/US"))) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }

    HttpResponse<String> upload(Map<String, String> files) throws Exception {
        ObjectNode req = JSON.createObjectNode();
        req.set("files", JSON.valueToTree(files));
        req.put("note", "test upload");
        return server.post("/v1/rule-packs/US/candidates", JSON.writeValueAsString(req));
    }

    Map<String, String> withLanternRule() throws Exception {
        Map<String, String> files = usFiles();
        files.put("pack.yaml", files.get("pack.yaml").replace("version: 2026.11.1", "version: 2026.12.0"));
        files.put("lanterns.drl", LANTERN_RULE);
        return files;
    }

    JsonNode check(String title, String country) throws Exception {
        HttpResponse<String> r = server.post("/v1/checks", """
                {"seller": {"id": "S-R", "country": "CN"}, "product": {"title": "%s", "category": "other"},
                 "targetCountries": ["%s"], "options": {"asOf": "2026-11-25"}}""".formatted(title, country));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode v = body(r);
        awaitLogged(v.path("checkId").asText());
        return v;
    }

    void awaitLogged(String checkId) throws Exception {
        for (int i = 0; i < 100 && server.get("/v1/checks/" + checkId).statusCode() != 200; i++) {
            Thread.sleep(50);
        }
    }

    static List<String> ruleIds(JsonNode verdict) {
        List<String> out = new ArrayList<>();
        verdict.path("findings").forEach(f -> out.add(f.path("ruleId").asText()));
        return out;
    }

    @Test
    void aCandidateIsStagedPreviewedShadowedActivatedAndRolledBack() throws Exception {
        JsonNode lantern = check("LED camping lantern with hook", "US");
        check("LED camping lantern with hook", "JP"); // a market the candidate does not judge
        check("Ceramic coffee mug 350 ml", "US");

        HttpResponse<String> staged = upload(withLanternRule());
        assertThat(staged.statusCode()).as(staged.body()).isEqualTo(201);
        JsonNode candidate = body(staged);
        assertThat(candidate.path("status").asText()).isEqualTo("candidate");
        assertThat(candidate.path("version").asText()).isEqualTo("2026.12.0");
        String id = candidate.path("versionId").asText();
        String base = "/v1/rule-packs/US/candidates/" + id;

        JsonNode preview = body(server.post(base + "/preview", "{\"last\": 100}"));
        assertThat(preview.path("checksRead").asInt()).isEqualTo(3);
        JsonNode impact = preview.path("impact");
        assertThat(impact.path("compared").asInt()).isEqualTo(2); // the JP check is not the US pack's
        assertThat(impact.path("unchanged").asInt()).isEqualTo(1);
        JsonNode byRule = impact.path("byRule").get(0);
        assertThat(byRule.path("ruleId").asText()).isEqualTo("US-TEST-LANTERN");
        assertThat(byRule.path("newlyFiring").asInt()).isEqualTo(1);
        assertThat(byRule.path("exampleCheckIds").get(0).asText()).isEqualTo(lantern.path("checkId").asText());
        boolean wasPass = lantern.path("decision").asText().equals("PASS");
        assertThat(impact.path("newlyFlagged").asInt()).isEqualTo(wasPass ? 1 : 0);
        assertThat(impact.path("examples").get(0).path("candidateDecision").asText()).isNotEqualTo("PASS");

        JsonNode later = body(server.post(base + "/preview", "{\"from\": \"2999-01-01T00:00:00Z\"}"));
        assertThat(later.path("checksRead").asInt()).isZero(); // a time range reads only the checks made in it
        JsonNode window = body(server.post(base + "/preview", "{\"from\": \"2000-01-01T00:00:00Z\", \"to\": \"2999-01-01T00:00:00Z\", \"last\": 2}"));
        assertThat(window.path("checksRead").asInt()).isEqualTo(2);

        HttpResponse<String> on = server.post(base + "/shadow", "{\"enabled\": true}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        JsonNode live = check("Solar garden lantern", "US");
        assertThat(ruleIds(live)).doesNotContain("US-TEST-LANTERN"); // the caller sees only the live pack
        JsonNode shadow = null;
        for (int i = 0; i < 100; i++) {
            shadow = body(server.get(base + "/shadow"));
            if (shadow.path("impact").path("compared").asInt() >= 1) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(shadow.path("running").asBoolean()).isTrue();
        assertThat(shadow.path("impact").path("compared").asInt()).isEqualTo(1);
        assertThat(shadow.path("impact").path("byRule").get(0).path("ruleId").asText()).isEqualTo("US-TEST-LANTERN");
        assertThat(shadow.path("impact").path("examples").get(0).path("checkId").asText()).isEqualTo(live.path("checkId").asText());

        HttpResponse<String> activated = server.post(base + "/activate", "{}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(body(activated).path("status").asText()).isEqualTo("active");
        assertThat(body(server.get(base + "/shadow")).path("running").asBoolean()).isFalse(); // live now: nothing to shadow
        assertThat(body(server.get("/v1/rule-packs/US")).path("live").path("version").asText()).isEqualTo("2026.12.0");
        assertThat(ruleIds(check("Camping lantern", "US"))).contains("US-TEST-LANTERN");
        assertThat(Files.readString(project.root.resolve("rules/US/lanterns.drl"))).isEqualTo(LANTERN_RULE);

        JsonNode versions = body(server.get("/v1/rule-packs/US/versions"));
        JsonNode before = null;
        for (JsonNode v : versions) {
            if (v.path("origin").asText().equals("files")) {
                before = v;
            }
        }
        assertThat(before).as("the files on disk before the activation are kept as a version").isNotNull();
        assertThat(before.path("status").asText()).isEqualTo("retired");
        HttpResponse<String> rolledBack = server.post("/v1/rule-packs/US/rollback",
                "{\"versionId\": \"" + before.path("versionId").asText() + "\"}");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(body(server.get("/v1/rule-packs/US")).path("live").path("version").asText()).isEqualTo("2026.11.1");
        assertThat(ruleIds(check("Camping lantern", "US"))).doesNotContain("US-TEST-LANTERN");
        assertThat(Files.exists(project.root.resolve("rules/US/lanterns.drl"))).isFalse();

        List<String> actions = new ArrayList<>();
        body(server.get("/v1/audit?market=US")).forEach(e -> actions.add(e.path("action").asText()));
        assertThat(actions).containsExactly("rollback", "activate", "shadow-on", "upload");
        JsonNode activation = body(server.get("/v1/audit?market=US")).get(1);
        assertThat(activation.path("actor").asText()).isNotBlank();
        assertThat(activation.path("detail").path("from").asText()).isEqualTo("2026.11.1");
        assertThat(activation.path("detail").path("to").asText()).isEqualTo("2026.12.0");
        assertThat(activation.path("detail").path("files").path("added").get(0).asText()).isEqualTo("lanterns.drl");
    }

    @Test
    void aCandidateThatDoesNotCompileRunsCodeOrBreaksAGoldenCaseIsKeptAsRefused() throws Exception {
        Map<String, String> broken = withLanternRule();
        broken.put("lanterns.drl", LANTERN_RULE.replace("mentionsAny(\"lantern\") )", "mentionsAny(\"lantern\" )"));
        JsonNode refused = body(upload(broken));
        assertThat(refused.path("status").asText()).isEqualTo("refused");
        assertThat(refused.path("errors").get(0).asText()).startsWith("rules/US/lanterns.drl:");

        Map<String, String> evil = withLanternRule();
        evil.put("lanterns.drl", LANTERN_RULE.replace("findings.report(kcontext, $l, \"A lantern needs a label.\", \"Add the label.\");",
                "System.exit(1);"));
        JsonNode sandboxed = body(upload(evil));
        assertThat(sandboxed.path("status").asText()).isEqualTo("refused");
        assertThat(sandboxed.path("errors").toString()).contains("rules/US/lanterns.drl");

        Map<String, String> weaker = usFiles();
        weaker.put("children.drl", weaker.get("children.drl").replace("@id(\"US-CPSC-CPC\") @category(\"CERTIFICATION\") @severity(\"HIGH\")",
                "@id(\"US-CPSC-CPC\") @category(\"CERTIFICATION\") @severity(\"LOW\")"));
        JsonNode failing = body(upload(weaker));
        assertThat(failing.path("status").asText()).isEqualTo("refused");
        assertThat(failing.path("failedCases").toString()).contains("cpc-missing");

        String id = refused.path("versionId").asText();
        assertThat(server.post("/v1/rule-packs/US/candidates/" + id + "/activate", "{}").statusCode()).isEqualTo(409);
        assertThat(server.post("/v1/rule-packs/US/candidates/" + id + "/preview", "{}").statusCode()).isEqualTo(409);
        assertThat(body(server.get("/v1/rule-packs/US")).path("live").path("version").asText()).isEqualTo("2026.11.1");
    }

    @Test
    void anActivationTheReloadRefusesPutsTheOldFilesBack() throws Exception {
        String id = body(upload(withLanternRule())).path("versionId").asText();
        // a golden case written after the candidate was staged, which the candidate breaks
        Files.writeString(project.root.resolve("test-cases/US/lantern-no-label-needed.json"), """
                {"note": "A lantern needs no label of its own.",
                 "request": {"seller": {"id": "S", "country": "CN"}, "product": {"title": "Camping lantern", "category": "other"},
                             "targetCountries": ["US"], "options": {"asOf": "2026-11-25", "ipCheck": false}},
                 "expect": {"absent": [{"ruleId": "US-TEST-LANTERN"}]}}""");

        HttpResponse<String> r = server.post("/v1/rule-packs/US/candidates/" + id + "/activate", "{}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(r.body()).contains("lantern-no-label-needed");
        assertThat(Files.exists(project.root.resolve("rules/US/lanterns.drl"))).isFalse();
        assertThat(body(server.get("/v1/rule-packs/US")).path("live").path("version").asText()).isEqualTo("2026.11.1");
        assertThat(body(server.get("/v1/rule-packs/US/versions/" + id)).path("status").asText()).isEqualTo("refused");
        assertThat(body(server.get("/v1/audit?market=US")).get(0).path("action").asText()).isEqualTo("activate-refused");
    }

    @Test
    void badUploadsAreRefusedNamingTheField() throws Exception {
        Map<String, String> noManifest = withLanternRule();
        noManifest.remove("pack.yaml");
        HttpResponse<String> r = upload(noManifest);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).path("details").get(0).path("field").asText()).isEqualTo("files");

        Map<String, String> traversal = withLanternRule();
        traversal.put("../../etc/evil.drl", LANTERN_RULE);
        r = upload(traversal);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).path("details").get(0).path("field").asText()).isEqualTo("files.../../etc/evil.drl");

        r = server.post("/v1/rule-packs/US/candidates", "{\"files\": {\"pack.yaml\": 7}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).path("details").get(0).path("field").asText()).isEqualTo("files.pack.yaml");

        r = server.post("/v1/rule-packs/us-east/candidates", "{\"files\": {\"pack.yaml\": \"market: x\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).path("details").get(0).path("field").asText()).isEqualTo("market");

        assertThat(server.post("/v1/rule-packs/US/candidates/nope/preview", "{\"last\": 0}").statusCode()).isEqualTo(400);
        assertThat(server.post("/v1/rule-packs/US/candidates/nope/preview", "{}").statusCode()).isEqualTo(404);
        assertThat(server.post("/v1/rule-packs/US/rollback", "{}").statusCode()).isEqualTo(400);
    }
}
