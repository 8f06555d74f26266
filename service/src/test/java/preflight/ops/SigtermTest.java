package preflight.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.TestProject;

/**
 * The real thing: {@code preflight serve} in its own process, under load, gets SIGTERM. Every check it
 * answered is in the check log after it has exited; the others were turned away (503) or never connected.
 */
class SigtermTest {

    @TempDir
    Path dir;

    @Test
    void onSigtermTheServerDrainsWritesItsCheckLogAndExits() throws Exception {
        TestProject project = new TestProject(dir.resolve("project"), "US");
        Path data = dir.resolve("data");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "preflight.cli.Main", "serve")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        pb.environment().putAll(project.env());
        pb.environment().put("PREFLIGHT_PORT", String.valueOf(port));
        pb.environment().put("PREFLIGHT_DATA_DIR", data.toString());
        pb.environment().put("PREFLIGHT_IP_CLASSIFIER", "lexicon");
        pb.environment().put("PREFLIGHT_LOG_FORMAT", "text");
        Process server = pb.start();
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        try {
            awaitReady(client, base, server);
            ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> other = new ConcurrentLinkedQueue<>();
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> send(client, base, answered, other));
                t.start();
                senders.add(t);
            }
            Thread.sleep(1500);
            server.destroy(); // SIGTERM
            for (Thread t : senders) {
                t.join(30_000);
            }
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("exits within its grace").isTrue();
            assertThat(other).isEmpty();
            ShutdownTest.assertAllInTheCheckLog(data, answered);
        } finally {
            server.destroyForcibly();
        }
    }

    /** Keeps sending until turned away (503) or the server is gone, as a load balancer's client does. */
    private static void send(HttpClient client, String base, ConcurrentLinkedQueue<String> answered, ConcurrentLinkedQueue<String> other) {
        ObjectMapper json = new ObjectMapper();
        String body = """
                {"seller": {"id": "S-TERM", "country": "CN"}, "product": {"title": "Plush teddy bear for toddlers",
                 "category": "toys"}, "targetCountries": ["US"]}""";
        while (true) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/checks"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    answered.add(json.readTree(r.body()).path("checkId").asText());
                } else if (r.statusCode() == 503 && r.body().contains("shutting down")) {
                    return;
                } else {
                    other.add(r.statusCode() + " " + r.body());
                    return;
                }
            } catch (ConnectException e) {
                return; // the server had stopped listening: this request was never accepted
            } catch (IOException | InterruptedException e) {
                other.add(e.toString()); // a request the server took and dropped
                return;
            }
        }
    }

    private static void awaitReady(HttpClient client, String base, Process server) throws Exception {
        for (int i = 0; i < 600; i++) {
            assertThat(server.isAlive()).as("the server is running (see its log in the test's temporary folder)").isTrue();
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not become ready in 2 minutes");
    }
}
