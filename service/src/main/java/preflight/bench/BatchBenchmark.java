package preflight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import preflight.batch.BatchJob;
import preflight.batch.BatchRow;
import preflight.batch.Progress;
import preflight.check.CheckRequest;
import preflight.check.CheckService;
import preflight.check.Verdict;

/**
 * Catalogue throughput: the batch job in process, then the whole API path in a server of its own (POST /v1/batches
 * to done: parsing, storing every row and verdict in SQLite, the summary), then the re-screen that follows a pack
 * edit on that server: a new rule in its copy of the US pack, which a tenth of the catalogue mentions.
 */
public final class BatchBenchmark {

    /** The word one listing in ten carries; the bench's rule blocks the listings that carry it. */
    static final String PROBE = "rescreen-probe";

    private BatchBenchmark() {
    }

    /** Every golden case's request, sent to the given markets: the load the benches, the soak and the Flink job's tests send. */
    public static List<ObjectNode> goldenListings(Path testCasesDir, List<String> markets) {
        ObjectMapper json = preflight.http.Json.mapper();
        List<ObjectNode> out = new ArrayList<>();
        for (preflight.cases.GoldenCase c : preflight.cases.GoldenCases.load(testCasesDir, null, new ArrayList<>())) {
            ObjectNode body = c.request().deepCopy();
            body.set("targetCountries", json.valueToTree(markets));
            out.add(body);
        }
        return out;
    }

    /** A catalogue of {@code n} listings cycled from the given ones, 50 sellers, every tenth carrying the probe word. */
    public static List<ObjectNode> catalogue(List<ObjectNode> listings, int n, ObjectMapper json) {
        List<ObjectNode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ObjectNode body = listings.get(i % listings.size()).deepCopy();
            body.put("submissionId", "L-" + i);
            body.set("seller", json.createObjectNode().put("id", "S-" + (i % 50)).put("country", "CN"));
            body.remove("options");
            if (i % 10 == 0) {
                ((ObjectNode) body.get("product")).putArray("keywords").add(PROBE);
            }
            out.add(body);
        }
        return out;
    }

    public static String inProcess(CheckService checks, List<CheckRequest> requests, int threads) throws InterruptedException {
        List<BatchRow> rows = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            rows.add(new BatchRow(i + 1, requests.get(i), null));
        }
        Progress p = new Progress(rows.size(), 0);
        new BatchJob(checks, threads).run("bench-batch", rows, p, new BatchJob.Sink() {
            @Override
            public void checked(BatchRow row, Verdict verdict) {
            }

            @Override
            public void refused(BatchRow row, String problem) {
            }
        });
        return String.format(Locale.ROOT, "batch in process (%d threads, nice 19): %,d listings at %,.0f listings/s", threads,
                rows.size(), p.rate());
    }

    /**
     * @param work  a folder for the server's copy of the rules and its database (about 1 GB for 100,000 listings)
     * @param serve starts {@code preflight serve} with the given settings and waits until it is ready
     */
    public static List<String> throughApi(List<ObjectNode> catalogue, Path rulesDir, ObjectMapper json, Path work,
                                          BiConsumer<java.util.Map<String, String>, Integer> serve) throws Exception {
        List<String> out = new ArrayList<>();
        Path rules = work.resolve("rules");
        copy(rulesDir, rules);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringBuilder body = new StringBuilder();
        for (ObjectNode listing : catalogue) {
            body.append(json.writeValueAsString(listing)).append('\n');
        }
        serve.accept(java.util.Map.of("PREFLIGHT_PORT", String.valueOf(port), "PREFLIGHT_DATA_DIR", work.resolve("data").toString(),
                "PREFLIGHT_RULES_DIR", rules.toString()), port);
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/batches"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        long accepted = System.nanoTime();
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("POST /v1/batches answered " + posted.statusCode() + ": " + posted.body());
        }
        String id = json.readTree(posted.body()).get("id").asText();
        JsonNode status;
        do {
            Thread.sleep(100);
            status = json.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/v1/batches/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } while (status.get("status").asText().equals("running"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.add(String.format(Locale.ROOT, "batch through the API (SQLite): %,d listings %s in %.1f s: %,.0f listings/s from POST to done"
                        + " (202 after %.1f s, every row stored)", catalogue.size(), status.get("status").asText(), seconds,
                catalogue.size() / seconds, (accepted - t0) / 1e9));

        // a pack edit: a new rule in the US pack that one listing in ten now breaks
        Instant edited = Instant.now();
        Files.writeString(rules.resolve("US").resolve("bench-rescreen.drl"), """
                package rules.us.bench;

                import preflight.listing.Listing;
                global preflight.rules.Findings findings;

                rule "Bench: listings carrying the re-screen probe word"
                    @id("US-BENCH-RESCREEN-PROBE") @category("PROHIBITED") @severity("CRITICAL")
                    @regulation("US-MOCRA-607") @effectiveFrom("2020-01-01")
                when
                    $l : Listing( mentionsAny("%s") )
                then
                    findings.report(kcontext, $l, "The bench's probe word is in the listing.", "Remove the probe word.");
                end
                """.formatted(PROBE));
        JsonNode run = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            JsonNode runs = json.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/v1/rescreens")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (runs.isArray() && !runs.isEmpty() && runs.get(0).get("status").asText().equals("done")) {
                run = runs.get(0);
                break;
            }
        }
        if (run == null) {
            out.add("re-screen: none finished within 10 minutes of the edit");
            return out;
        }
        Instant started = Instant.parse(run.get("startedAt").asText());
        Instant finished = Instant.parse(run.get("finishedAt").asText());
        double took = Duration.between(started, finished).toMillis() / 1000.0;
        out.add(String.format(Locale.ROOT, "re-screen after a US pack edit: started %.1f s after the save, judged %,d stored listings twice"
                        + " in %.1f s (%,.0f listings/s), %,d decisions changed", Duration.between(edited, started).toMillis() / 1000.0,
                run.get("compared").asInt(), took, run.get("compared").asInt() / Math.max(0.001, took), run.get("changed").asInt()));
        return out;
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
