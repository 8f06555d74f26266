package preflight.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.TestServer;

/** With API keys configured: 401 without a key, 403 for a role the route is not for, on every route. */
class AccessTest {

    static final String FLOW = "listing-flow-key-0123456789";
    static final String OFFICER = "officer-key-0123456789";
    static final String ADMIN = "admin-key-0123456789";
    static final String SELLER = "seller-s1-key-0123456789";
    static TestServer server;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new TestServer(Map.of("PREFLIGHT_API_KEYS", "listing-flow:" + FLOW + ", officer:" + OFFICER + ", admin:" + ADMIN
                + ", seller@S-1:" + SELLER, "PREFLIGHT_IP_CLASSIFIER", "lexicon"), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A route, a body for POSTs, and the roles it is for (admin may call all). */
    record Route(String method, String path, String body, List<String> allowed) {
    }

    static final String CHECK = "{\"seller\":{\"id\":\"S-1\"},\"product\":{\"title\":\"Plush toy\",\"category\":\"toys\"},"
            + "\"targetCountries\":[\"US\"],\"options\":{\"asOf\":\"2026-11-25\"}}";

    static final List<Route> ROUTES = List.of(
            new Route("POST", "/v1/checks", CHECK, List.of(FLOW)),
            new Route("GET", "/v1/regulations/upcoming?country=US", null, List.of(FLOW, SELLER, OFFICER)),
            new Route("GET", "/v1/rule-packs", null, List.of(OFFICER)),
            new Route("GET", "/v1/rule-packs/US", null, List.of(OFFICER)),
            new Route("POST", "/v1/stores/S-1/penalties", "{\"violationType\":\"x\",\"points\":1,\"date\":\"2026-11-01\"}", List.of(FLOW)),
            new Route("GET", "/v1/stores/S-1", null, List.of(FLOW, SELLER)),
            new Route("GET", "/v1/checks/no-such-check", null, List.of(FLOW, SELLER)),
            new Route("POST", "/v1/checks/no-such-check/outcome", "{\"published\":false}", List.of(FLOW)),
            new Route("GET", "/v1/calibration", null, List.of(OFFICER)),
            new Route("POST", "/v1/rule-packs/US/candidates", "{}", List.of(OFFICER)),
            new Route("GET", "/v1/rule-packs/US/versions", null, List.of(OFFICER)),
            new Route("GET", "/v1/rule-packs/US/versions/no-such-version", null, List.of(OFFICER)),
            new Route("GET", "/v1/rule-packs/US/candidates/no-such-version", null, List.of(OFFICER)),
            new Route("POST", "/v1/rule-packs/US/candidates/no-such-version/preview", "{}", List.of(OFFICER)),
            new Route("POST", "/v1/rule-packs/US/candidates/no-such-version/shadow", "{\"enabled\":true}", List.of(OFFICER)),
            new Route("GET", "/v1/rule-packs/US/candidates/no-such-version/shadow", null, List.of(OFFICER)),
            new Route("POST", "/v1/rule-packs/US/candidates/no-such-version/activate", "{}", List.of(OFFICER)),
            new Route("POST", "/v1/rule-packs/US/rollback", "{\"versionId\":\"no-such-version\"}", List.of(OFFICER)),
            new Route("GET", "/v1/audit", null, List.of(OFFICER)),
            new Route("POST", "/v1/admin/keys", "{}", List.of()),
            new Route("GET", "/v1/admin/keys", null, List.of()),
            new Route("DELETE", "/v1/admin/keys/no-such-key", null, List.of()),
            new Route("GET", "/v1/checks/no-such-check/report", null, List.of(FLOW, SELLER)),
            new Route("POST", "/v1/batches", CHECK, List.of(FLOW, SELLER)),
            new Route("GET", "/v1/batches/no-such-batch", null, List.of(FLOW, SELLER)),
            new Route("GET", "/v1/batches/no-such-batch/results", null, List.of(FLOW, SELLER)),
            new Route("GET", "/v1/batches/no-such-batch/summary", null, List.of(FLOW, SELLER)),
            new Route("GET", "/v1/batches/no-such-batch/report", null, List.of(FLOW, SELLER)),
            new Route("GET", "/v1/rescreens", null, List.of(OFFICER)),
            new Route("GET", "/v1/rescreens/no-such-rescreen", null, List.of(OFFICER)),
            new Route("GET", "/v1/stores/S-1/rescreens", null, List.of(FLOW, SELLER)));

    static int call(Route r, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + r.path()));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (r.method().equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(r.body()));
        } else if (r.method().equals("DELETE")) {
            b.DELETE();
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyRouteWantsAKnownKeyAndTheRightRole() throws Exception {
        for (Route r : ROUTES) {
            assertThat(call(r, null)).as(r.path() + " without a key").isEqualTo(401);
            assertThat(call(r, "not-a-key-at-all-0000")).as(r.path() + " with an unknown key").isEqualTo(401);
            for (String key : List.of(FLOW, OFFICER, SELLER)) {
                int status = call(r, key);
                if (r.allowed().contains(key)) {
                    assertThat(status).as(r.path() + " for its role").isNotIn(401, 403);
                } else {
                    assertThat(status).as(r.path() + " for another role").isEqualTo(403);
                }
            }
            assertThat(call(r, ADMIN)).as(r.path() + " for admin").isNotIn(401, 403);
        }
    }

    @Test
    void aSellerKeyReachesOnlyItsOwnStore() throws Exception {
        assertThat(call(new Route("GET", "/v1/stores/S-1", null, List.of()), SELLER)).isEqualTo(200);
        assertThat(call(new Route("GET", "/v1/stores/S-2", null, List.of()), SELLER)).isEqualTo(403);
    }

    @Test
    void aSellersBatchHoldsOnlyItsOwnListingsAndOnlyItSeesIt() throws Exception {
        String other = CHECK.replace("S-1", "S-2");
        HttpResponse<String> posted = CLIENT.send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/batches"))
                .header("Authorization", "Bearer " + SELLER).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(CHECK + "\n" + other + "\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(posted.body()).contains("\"refused\":1");
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(posted.body()).path("id").asText();
        assertThat(send("GET", "/v1/batches/" + id, null, SELLER).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v1/batches/" + id, null, FLOW).statusCode()).isEqualTo(200);
        for (int i = 0; i < 100 && !send("GET", "/v1/batches/" + id, null, SELLER).body().contains("\"done\""); i++) {
            Thread.sleep(100);
        }
        assertThat(send("GET", "/v1/batches/" + id + "/results", null, SELLER).body())
                .contains("a seller key checks only its own store's listings");
        assertThat(call(new Route("GET", "/v1/stores/S-2/rescreens", null, List.of()), SELLER)).isEqualTo(403);
    }

    @Test
    void healthAndTheOpenApiDocumentStayOpen() throws Exception {
        assertThat(call(new Route("GET", "/health", null, List.of()), null)).isEqualTo(200);
        assertThat(call(new Route("GET", "/openapi.json", null, List.of()), null)).isEqualTo(200);
    }

    @Test
    void keysAreCheckedWhenConfigured() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiKeys.parse("officer:short"))
                .hasMessageContaining("shorter than 16");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiKeys.parse("janitor:0123456789abcdef"))
                .hasMessageContaining("unknown role");
        assertThat(ApiKeys.parse("").isOpen()).isTrue();
    }

    static HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).header("Authorization", "Bearer " + key);
        switch (method) {
            case "POST" -> b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            case "DELETE" -> b.DELETE();
            default -> b.GET();
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAdminMakesAKeyThatWorksForItsRoleUntilRevoked() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(send("POST", "/v1/admin/keys", "{\"role\":\"officer\",\"label\":\"Jane\"}", OFFICER).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = send("POST", "/v1/admin/keys", "{\"role\":\"seller\",\"label\":\"Shop\"}", ADMIN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("sellerId");

        HttpResponse<String> made = send("POST", "/v1/admin/keys", "{\"role\":\"officer\",\"label\":\"Jane, EU desk\"}", ADMIN);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String key = json.readTree(made.body()).path("key").asText();
        String keyId = json.readTree(made.body()).path("keyId").asText();
        assertThat(key).startsWith("pf_").hasSizeGreaterThan(40);

        assertThat(send("GET", "/v1/rule-packs", null, key).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v1/checks", CHECK, key).statusCode()).isEqualTo(403); // an officer key, not the listing flow's
        HttpResponse<String> list = send("GET", "/v1/admin/keys", null, ADMIN);
        assertThat(list.body()).contains(keyId, "Jane, EU desk").doesNotContain(key);

        assertThat(send("DELETE", "/v1/admin/keys/" + keyId, null, ADMIN).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v1/rule-packs", null, key).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/v1/admin/keys/" + keyId, null, ADMIN).statusCode()).isEqualTo(404);

        HttpResponse<String> audit = send("GET", "/v1/audit", null, ADMIN);
        assertThat(audit.body()).contains("key-created", "key-revoked", "admin (configured key ");
    }

    @Test
    void withNoKeyConfiguredNoKeyCanBeMade() throws Exception {
        try (TestServer open = new TestServer(Map.of("PREFLIGHT_IP_CLASSIFIER", "lexicon"), true)) {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(open.base() + "/v1/admin/keys"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"officer\",\"label\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.body()).contains("PREFLIGHT_API_KEYS");
        }
    }
}
