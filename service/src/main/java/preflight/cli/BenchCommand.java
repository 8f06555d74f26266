package preflight.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import preflight.Preflight;
import preflight.bench.WrkLoad;
import preflight.bench.InProcessBenchmark;
import preflight.bench.IpBenchmark;
import preflight.bench.ReloadBenchmark;
import preflight.bench.StorageBenchmark;
import preflight.db.Database;
import preflight.scoring.PenaltyProfiles;
import preflight.ip.BudgetedClassifier;
import preflight.ip.EmbeddingClassifier;
import preflight.ip.IpClassifier;
import preflight.ip.EvalCase;
import preflight.ip.EvalSet;
import preflight.ip.IpData;
import preflight.ip.IpDataLoader;
import preflight.ip.IpScreen;
import preflight.regulations.RegulationCatalog;
import preflight.check.CheckRequest;
import preflight.check.Warmup;
import preflight.http.Json;

/**
 * {@code preflight bench [--seconds N]}: prints latency percentiles and throughput of a check in
 * process, then what the IP screen adds to it (with the embedded classifier, uncached, over the labelled IP
 * listings), then of the HTTP endpoint under load from wrk against a server in a second process, beside
 * the same server's /health as the ceiling. Every golden case's listing, sent to five markets.
 */
final class BenchCommand {

    static final List<String> MARKETS = List.of("US", "DE", "UK", "JP", "FR");
    private static final int CONNECTIONS = 32;

    private final Preflight app;

    BenchCommand(Preflight app) {
        this.app = app;
    }

    int run(String[] args) throws Exception {
        int seconds = 15;
        List<String> markets = MARKETS;
        int reloads = 0;
        int batch = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--markets" -> markets = List.of(args[i + 1].split(","));
                case "--reloads" -> reloads = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("usage: preflight bench [--seconds N] [--markets US,DE,UK,JP,FR] [--reloads N] [--batch LISTINGS]");
                    return 2;
                }
            }
        }
        app.loadPacks();
        ObjectMapper json = Json.mapper();
        List<String> bodies = new ArrayList<>();
        List<CheckRequest> requests = new ArrayList<>();
        for (ObjectNode body : preflight.bench.BatchBenchmark.goldenListings(app.settings().testCasesDir(), markets)) {
            bodies.add(json.writeValueAsString(body));
            requests.add(app.parser().parse(body));
        }
        if (requests.isEmpty()) {
            System.err.println("bench: no golden cases under " + app.settings().testCasesDir());
            return 1;
        }
        Warmup.run(app.checks(), requests);
        if (reloads > 0) {
            compileTimes().forEach(System.out::println);
            // one market's pack (the usual edit), then the global pack, on which every other pack is built
            ReloadBenchmark.run(app.checks(), app.reloader(), requests, reloads, seconds, Set.of("US")).forEach(System.out::println);
            ReloadBenchmark.run(app.checks(), app.reloader(), requests, reloads, seconds, Set.of("global")).forEach(System.out::println);
            return 0;
        }
        if (batch > 0) {
            return batchBenchmark(markets, batch, requests);
        }
        System.out.println("markets per check: " + markets);
        System.out.println(InProcessBenchmark.run(app.checks(), requests, 50_000));
        ipBenchmark(markets).forEach(System.out::println);
        storageBenchmark(requests).forEach(System.out::println);

        if (!WrkLoad.available()) {
            System.out.println("HTTP: skipped, wrk is not installed (Debian: apt-get install wrk)");
            return 0;
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "preflight.cli.Main", "serve").redirectErrorStream(true).redirectOutput(new File("/dev/null"));
        pb.environment().put("PREFLIGHT_PORT", String.valueOf(port));
        // the load's check records go to a throwaway database, not the project's ./data
        pb.environment().put("PREFLIGHT_DATA_DIR", java.nio.file.Files.createTempDirectory("preflight-bench-server").toString());
        Process server = pb.start();
        try {
            String base = "http://127.0.0.1:" + port;
            waitUntilReady(URI.create(base + "/health"), server);
            Duration d = Duration.ofSeconds(seconds);
            // the JIT keeps compiling Drools' generated classes for ~20 s of load; measure after it settles
            WrkLoad.run("warm-up", base, "/v1/checks", bodies, CONNECTIONS, Duration.ofSeconds(30));
            WrkLoad.Result health = WrkLoad.run("GET /health", base, "/health", List.of(), CONNECTIONS, d);
            WrkLoad.Result checks = WrkLoad.run("POST /v1/checks", base, "/v1/checks", bodies, CONNECTIONS, d);
            System.out.println("HTTP (wrk, 2 threads, " + CONNECTIONS + " connections, " + seconds
                    + " s each; server in a second process):");
            System.out.println("  " + health);
            System.out.println("  " + checks);
            System.out.printf("  checks reach %.0f%% of the /health rate%n", 100.0 * checks.requestsPerSecond() / health.requestsPerSecond());
        } finally {
            server.destroy();
            server.waitFor();
        }
        return 0;
    }

    /**
     * The store record on SQLite (a temporary file) and on PostgreSQL (PREFLIGHT_BENCH_PG_URL, default the
     * local server's database "test", in a schema of its own dropped after), when it can be reached.
     */
    private List<String> storageBenchmark(List<CheckRequest> requests) throws Exception {
        List<String> out = new ArrayList<>();
        PenaltyProfiles profiles = PenaltyProfiles.load(app.settings().penaltiesDir());
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("preflight-bench");
        try (Database sqlite = Database.open(Database.sqliteUrl(dir), null, null)) {
            out.addAll(StorageBenchmark.run("SQLite", sqlite, profiles, app.packs(), app::ipScreen, requests, app::checkRecord, 20_000));
        }
        String pg = System.getenv().getOrDefault("PREFLIGHT_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("PREFLIGHT_BENCH_PG_USER", "postgres");
        String schema = "pf_bench_" + Long.toHexString(System.nanoTime());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg, user, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            out.add("PostgreSQL: skipped, " + pg + " cannot be reached (" + e.getMessage() + ")");
            return out;
        }
        try (Database postgres = Database.open(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, null)) {
            out.addAll(StorageBenchmark.run("PostgreSQL", postgres, profiles, app.packs(), app::ipScreen, requests, app::checkRecord, 20_000));
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg, user, "")) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        return out;
    }

    /** A catalogue of golden listings checked in process, then through the API, then re-screened after a pack edit. */
    private int batchBenchmark(List<String> markets, int listings, List<CheckRequest> warmup) throws Exception {
        ObjectMapper json = Json.mapper();
        List<ObjectNode> catalogue = preflight.bench.BatchBenchmark.catalogue(preflight.bench.BatchBenchmark.goldenListings(app.settings().testCasesDir(), markets),
                listings, json);
        List<CheckRequest> requests = catalogue.stream().map(app.parser()::parse).toList();
        System.out.println("catalogue: " + listings + " golden listings to " + markets + ", rules, marks lexicon and embedded classifier on");
        // the first pass warms the JIT up; the second is the figure
        preflight.bench.BatchBenchmark.inProcess(app.checks(), requests, app.settings().catalogues().threads());
        System.out.println(preflight.bench.BatchBenchmark.inProcess(app.checks(), requests, app.settings().catalogues().threads()));
        List<Process> servers = new ArrayList<>();
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("preflight-bench-batch");
        try {
            preflight.bench.BatchBenchmark.throughApi(catalogue, app.settings().rulesDir(), json, work, (env, port) -> {
                try {
                    ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                            "preflight.cli.Main", "serve").redirectErrorStream(true).redirectOutput(new File("/dev/null"));
                    pb.environment().putAll(env);
                    Process server = pb.start();
                    servers.add(server);
                    waitUntilReady(URI.create("http://127.0.0.1:" + port + "/health"), server);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).forEach(System.out::println);
        } finally {
            for (Process p : servers) {
                p.destroy();
                p.waitFor();
            }
            preflight.rollout.PackFiles.deleteTree(work);
        }
        return 0;
    }

    /** The IP screen with the embedded classifier, uncached, over the labelled IP listings. */
    private List<String> ipBenchmark(List<String> markets) throws Exception {
        IpData data = new IpDataLoader().load(app.settings().ipDataDir());
        // as the service runs it, with its time budget, but without the answer cache: every listing is new
        IpClassifier classifier = new BudgetedClassifier(new EmbeddingClassifier(data.examples()),
                app.settings().ipClassifierBudgetMillis(), 2);
        classifier.warm();
        RegulationCatalog catalog = RegulationCatalog.load(app.settings().regulationsDir());
        List<EvalCase> listings = EvalSet.load(app.settings().testCasesDir().resolve("ip"));
        return IpBenchmark.run(app.packs(), new IpScreen(data, catalog, null), new IpScreen(data, catalog, classifier),
                listings, markets, 10);
    }

    static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    static void waitUntilReady(URI health, Process server) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited early");
            }
            try {
                if (client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not become ready");
    }

    /** How long the largest packs (by rules, parents included) take to read, check and compile: median of 3. */
    private List<String> compileTimes() {
        var catalog = preflight.regulations.RegulationCatalog.load(app.settings().regulationsDir());
        var loader = new preflight.rules.PackLoader(app.settings().rulesDir(), catalog, app.clock());
        List<String> out = new ArrayList<>();
        app.packs().get().all().stream()
                .sorted((a, b) -> Integer.compare(b.allRules().size(), a.allRules().size())).limit(3)
                .forEach(p -> {
                    long[] nanos = new long[3];
                    for (int i = 0; i < nanos.length; i++) {
                        long t0 = System.nanoTime();
                        loader.load(Set.of(p.market()));
                        nanos[i] = System.nanoTime() - t0;
                    }
                    java.util.Arrays.sort(nanos);
                    out.add(String.format(java.util.Locale.ROOT, "compile %s (%d rules with its parents): %.2f s",
                            p.market(), p.allRules().size(), nanos[1] / 1e9));
                });
        return out;
    }
}
