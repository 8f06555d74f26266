package preflight.cli;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import preflight.Preflight;
import java.util.List;
import preflight.check.Warmup;
import preflight.reload.FolderWatcher;
import preflight.http.App;
import preflight.regulations.InvalidCatalogException;
import preflight.rules.RulePacks;
import preflight.rules.UnableToCompilePackException;

/**
 * {@code preflight serve}: listen at once (so /health can say 503), compile and warm every pack, then
 * say ready. A pack that does not compile stops the server with every problem listed: it never serves
 * silently without a market.
 */
final class ServeCommand {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private final Preflight app;

    ServeCommand(Preflight app) {
        this.app = app;
    }

    int run() throws Exception {
        Files.createDirectories(app.settings().dataDir());
        AtomicBoolean ready = new AtomicBoolean(false);
        App http = new App(app.parser(), app.checks(), app.packs(), ready::get, app.clock(), app::stores,
                app::storageHealth, app.reloader()::status, app.apiKeys(), app::admin, app.metrics(), app.settings().limits(), app::reporting);
        Javalin server = http.create();
        server.start(app.settings().port());
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM: take no new requests, let those in flight answer, stop, then write what the check log holds
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                int left = http.drain(java.time.Duration.ofMillis(app.settings().limits().shutdownGraceMillis()));
                if (left > 0) {
                    log.warn("stopping with {} requests still in flight after the grace period", left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.stop();
            app.closeStorage();
            stopped.countDown();
        }, "shutdown"));
        try {
            long start = System.nanoTime();
            RulePacks packs = app.loadPacks();
            long compiled = System.nanoTime();
            if (app.ipScreen().classifier() != null) {
                app.ipScreen().classifier().warm(); // models load in seconds: before ready, not on a seller's check
            }
            List<preflight.check.CheckRequest> samples = WarmupSamples.collect(app);
            Warmup.run(app.checks(), samples);
            List<preflight.check.Verdict> verdicts = warmAnswers(samples);
            // after the warm-up, so its checks stay out of the check log
            log.info("storage: {}", app.openStorage().database().describe());
            warmStoreAndHttp(samples, verdicts, server.port());
            ready.set(true);
            // officers' edits go live without a restart, once they compile and pass their golden cases
            new FolderWatcher(List.of(app.settings().rulesDir(), app.settings().regulationsDir()), 500,
                    () -> app.reloader().reload());
            log.info("ready on port {}: {} packs, {} rules, compiled in {} ms, warmed up in {} ms", server.port(),
                    packs.all().size(), packs.all().stream().mapToInt(p -> p.ownRules().size()).sum(),
                    (compiled - start) / 1_000_000, (System.nanoTime() - compiled) / 1_000_000);
        } catch (UnableToCompilePackException | InvalidCatalogException e) {
            System.err.println("preflight: cannot serve, " + e.getMessage());
            server.stop();
            return 1;
        } catch (RuntimeException e) {
            // a rule that throws on the warm-up listings would throw on sellers' listings too
            log.error("cannot serve: warming the packs up failed", e);
            server.stop();
            return 1;
        }
        stopped.await();
        return 0;
    }

    /**
     * The answer's way out: each verdict written as JSON, as the HTTP layer writes it. Without this the
     * first seconds of traffic after a start paid for the JIT's work on it (p99 over 500 ms, and 429s).
     */
    private List<preflight.check.Verdict> warmAnswers(List<preflight.check.CheckRequest> samples) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = preflight.http.Json.mapper();
        // the checks themselves are warm already: one verdict each, written many times
        List<preflight.check.Verdict> verdicts = samples.stream().map(app.checks()::check).toList();
        for (int round = 0; round < 20; round++) {
            for (preflight.check.Verdict v : verdicts) {
                json.writeValueAsBytes(v);
            }
        }
        return verdicts;
    }

    /**
     * The store's forecast (ledger reads, the forecast's arithmetic) and the HTTP server's own path, with
     * nothing written: the forecast only reads, and /health answers 503 until ready.
     */
    private void warmStoreAndHttp(List<preflight.check.CheckRequest> samples, List<preflight.check.Verdict> verdicts, int port)
            throws Exception {
        preflight.store.StoreService stores = app.stores();
        for (int round = 0; round < 5 && stores != null; round++) {
            for (int i = 0; i < samples.size(); i++) {
                stores.forecast(samples.get(i).seller(), verdicts.get(i).findings(), samples.get(i).options().asOf());
            }
        }
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest health = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health")).build();
        for (int i = 0; i < 2000; i++) {
            client.send(health, java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }
}
