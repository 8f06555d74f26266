package preflight.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import preflight.TestServer;

/** Log lines of a request carry its request id, and never the listing's text above debug level. */
class LogsTest {

    @Test
    void aRequestsLinesCarryItsIdAndNotTheListing() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try (TestServer server = new TestServer(Map.of("PREFLIGHT_IP_CLASSIFIER", "lexicon"), true)) {
            HttpClient client = HttpClient.newHttpClient();
            String title = "Secret prototype hoverboard 9000";
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/checks"))
                    .header("Content-Type", "application/json").header("X-Request-Id", "req-logs-42")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"seller": {"id": "S-L", "country": "CN"}, "product": {"title": "%s", "category": "toys"},
                             "targetCountries": ["US"]}""".formatted(title))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            server.app.storage().writer().flush(java.time.Duration.ofSeconds(5));
        } finally {
            root.detachAppender(captured);
        }
        assertThat(captured.list).anySatisfy(e -> {
            assertThat(e.getMDCPropertyMap()).containsEntry("requestId", "req-logs-42");
            assertThat(e.getFormattedMessage()).startsWith("POST /v1/checks 200");
        });
        assertThat(captured.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
                .noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("hoverboard"));
    }
}
