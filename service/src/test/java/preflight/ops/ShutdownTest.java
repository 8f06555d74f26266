package preflight.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import preflight.TestServer;
import preflight.db.CheckLog;
import preflight.db.Database;

/**
 * A stop while the listing flow keeps sending: the instance takes no new requests (503, Connection: close),
 * lets those in flight answer, and writes every answered check to the check log before it is gone.
 */
class ShutdownTest {

    static final String CHECK = """
            {"seller": {"id": "S-STOP", "country": "CN"}, "product": {"title": "Power bank 20000mAh USB-C",
             "category": "power-banks"}, "targetCountries": ["US", "DE", "JP"]}""";

    @Test
    void noAnsweredCheckIsLostWhenTheInstanceStops() throws Exception {
        Path data = Files.createTempDirectory("preflight-stop");
        TestServer server = new TestServer(Map.of("PREFLIGHT_IP_CLASSIFIER", "lexicon", "PREFLIGHT_DATA_DIR", data.toString()), true);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper json = new ObjectMapper();
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> other = new ConcurrentLinkedQueue<>();
        AtomicBoolean turnedAway = new AtomicBoolean();
        List<Thread> senders = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                // like a load balancer: keep sending until this instance says it is stopping
                while (true) {
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/checks"))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CHECK)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            answered.add(json.readTree(r.body()).path("checkId").asText());
                        } else if (r.statusCode() == 503 && r.body().contains("shutting down")) {
                            turnedAway.set(true);
                            return;
                        } else {
                            other.add(r.statusCode() + " " + r.body());
                        }
                    } catch (IOException | InterruptedException e) {
                        other.add(e.toString());
                        return;
                    }
                }
            });
            t.start();
            senders.add(t);
        }
        Thread.sleep(1500);

        int stillInFlight = server.http.drain(Duration.ofSeconds(10));
        for (Thread t : senders) {
            t.join(10_000);
        }
        server.close(); // stops the server, then writes what the check log buffer holds

        assertThat(stillInFlight).isZero();
        assertThat(turnedAway).isTrue();
        assertThat(other).isEmpty();
        assertAllInTheCheckLog(data, answered);
    }

    /** Many checks were answered, and every one of them is in the check log of the data folder. */
    static void assertAllInTheCheckLog(Path data, java.util.Collection<String> answered) throws Exception {
        assertThat(answered).hasSizeGreaterThan(10);
        try (Database db = Database.open(Database.sqliteUrl(data), null, null)) {
            CheckLog log = new CheckLog(db.dataSource());
            for (String id : answered) {
                assertThat(log.find(id)).as("check " + id + " in the check log").isPresent();
            }
        }
    }
}
