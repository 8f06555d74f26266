package preflight.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import preflight.Preflight;
import preflight.bench.FlakyProxy;
import preflight.bench.Soak;
import preflight.http.Json;

/**
 * {@code preflight soak [--minutes 10] [--rate 300]}: a server in a second process, over a copy of the rule
 * packs (which the soak edits every minute) and PostgreSQL behind a proxy (which the soak takes away once),
 * checked at a steady rate; see {@link Soak}. Without PostgreSQL it runs on SQLite, and the database stays.
 */
final class SoakCommand {

    private final Preflight app;

    SoakCommand(Preflight app) {
        this.app = app;
    }

    int run(String[] args) throws Exception {
        int minutes = 10;
        int rate = 300;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--minutes" -> minutes = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("usage: preflight soak [--minutes 10] [--rate 300]");
                    return 2;
                }
            }
        }
        if (minutes < 2) {
            System.err.println("soak: at least 2 minutes (the first warms up)");
            return 2;
        }
        Path work = Files.createTempDirectory("preflight-soak");
        for (Path dir : List.of(app.settings().rulesDir(), app.settings().regulationsDir(), app.settings().testCasesDir())) {
            preflight.rollout.PackFiles.copyTree(dir, work.resolve(dir.getFileName()));
        }
        String pg = System.getenv().getOrDefault("PREFLIGHT_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("PREFLIGHT_BENCH_PG_USER", "postgres");
        String schema = "pf_soak_" + Long.toHexString(System.nanoTime());
        FlakyProxy proxy = null;
        try (Connection c = DriverManager.getConnection(pg, user, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
            URI db = URI.create(pg.substring("jdbc:".length()));
            proxy = new FlakyProxy(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort());
        } catch (SQLException e) {
            System.out.println("soak: PostgreSQL cannot be reached (" + e.getMessage() + "): SQLite, and the database stays up");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        File log = work.resolve("server.log").toFile();
        List<String> command = new ArrayList<>(List.of(BenchCommand.javaBinary(), "-Xmx1g"));
        String opts = System.getenv().getOrDefault("PREFLIGHT_SOAK_SERVER_OPTS", "");
        if (!opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "preflight.cli.Main", "serve"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        pb.environment().put("PREFLIGHT_PORT", String.valueOf(port));
        pb.environment().put("PREFLIGHT_DATA_DIR", work.resolve("data").toString());
        pb.environment().put("PREFLIGHT_RULES_DIR", work.resolve(app.settings().rulesDir().getFileName()).toString());
        pb.environment().put("PREFLIGHT_REGULATIONS_DIR", work.resolve(app.settings().regulationsDir().getFileName()).toString());
        pb.environment().put("PREFLIGHT_TEST_CASES_DIR", work.resolve(app.settings().testCasesDir().getFileName()).toString());
        if (proxy != null) {
            pb.environment().put("PREFLIGHT_DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"
                    + URI.create(pg.substring("jdbc:".length())).getPath().substring(1) + "?currentSchema=" + schema);
            pb.environment().put("PREFLIGHT_DB_USER", user);
        }
        System.out.println("soak: server log " + log);
        Process server = pb.start();
        boolean ok;
        try {
            String base = "http://127.0.0.1:" + port;
            BenchCommand.waitUntilReady(URI.create(base + "/health"), server);
            Soak.Plan plan = new Soak.Plan(Duration.ofMinutes(minutes), rate, Duration.ofMinutes(1),
                    proxy == null ? null : Duration.ofMinutes(minutes / 2).plusSeconds(20), Duration.ofSeconds(15));
            ok = new Soak(plan, new Soak.Target(base, server.pid(), work.resolve(app.settings().rulesDir().getFileName()), proxy),
                    bodies(), System.out::println).run();
            Thread.sleep(5000); // the check log catches up after the database came back
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("server /health after the soak: " + health.body());
        } finally {
            server.destroy(); // SIGTERM: the server drains and writes out its check log
            server.waitFor();
            if (proxy != null) {
                proxy.close();
                try (Connection c = DriverManager.getConnection(pg, user, "")) {
                    c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        return ok ? 0 : 1;
    }

    /** Every golden case's listing, sent to five markets, as the benchmark sends them. */
    private List<String> bodies() throws Exception {
        ObjectMapper json = Json.mapper();
        List<String> out = new ArrayList<>();
        for (ObjectNode body : preflight.bench.BatchBenchmark.goldenListings(app.settings().testCasesDir(), BenchCommand.MARKETS)) {
            out.add(json.writeValueAsString(body));
        }
        return out;
    }
}
