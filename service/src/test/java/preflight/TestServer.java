package preflight;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import preflight.config.Settings;
import preflight.http.App;

/** The real app on a random port, over the project's own rules, for tests that speak HTTP. */
public final class TestServer implements AutoCloseable {

    public final Preflight app;
    public final AtomicBoolean ready = new AtomicBoolean(false);
    private final Javalin server;
    public final App http;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The data folder this server made for itself (deleted when it closes), or null when the test gave one. */
    private final java.nio.file.Path ownData;

    public TestServer(boolean loadPacks) {
        this(java.util.Map.of(), loadPacks);
    }

    /** @param env PREFLIGHT_* settings for this server, as if from the environment */
    public TestServer(java.util.Map<String, String> env, boolean loadPacks) {
        // a generous classifier budget: a slow test machine must not turn a classifier's answer into the lexicon's
        // and a data folder of its own, so no test writes into the project's ./data
        ownData = env.containsKey("PREFLIGHT_DATA_DIR") ? null : tempDir();
        java.util.Map<String, String> withBudget = new java.util.HashMap<>(java.util.Map.of("PREFLIGHT_IP_CLASSIFIER_BUDGET_MS", "5000"));
        if (ownData != null) {
            withBudget.put("PREFLIGHT_DATA_DIR", ownData.toString());
        }
        withBudget.putAll(env);
        app = new Preflight(Settings.fromEnv(withBudget).withPort(0), Clock.systemDefaultZone());
        http = new App(app.parser(), app.checks(), app.packs(), ready::get, app.clock(), app::stores, app::storageHealth,
                app.reloader()::status, app.apiKeys(), app::admin, app.metrics(), app.settings().limits(), app::reporting);
        server = http.create().start(0);
        if (loadPacks) {
            app.loadPacks();
            app.openStorage();
            ready.set(true);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("preflight-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        app.closeStorage();
        if (ownData != null) {
            preflight.rollout.PackFiles.deleteTree(ownData);
        }
    }
}
