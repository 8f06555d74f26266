package preflight.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import preflight.http.Json;

/** The verdict files' and the verdict topic's lines: the same JSON, whatever the seller wrote, a line per listing. */
class VerdictLineTest {

    private final ObjectMapper json = Json.mapper();

    @Test
    void aFileHoldsOneLinePerListingAndEachIsTheTopicsRecord() throws Exception {
        List<CheckedListing> checked = List.of(
                checked("A-1", "S-1", "{\"decision\":\"WARN\",\"findings\":[{\"message\":\"缺少中文标签 — ≥ 5 mW, Gefahr für Kinder\"}]}"),
                refused("A-2", "S-1", "product.title: must not be blank"),
                checked("A-3", "S-2", "{\"decision\":\"PASS\",\"findings\":[]}"));
        VerdictLine encoder = new VerdictLine();
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
                file.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
                file.write(b, off, len);
            }
        };
        for (CheckedListing r : checked) {
            encoder.encode(r, counting);
        }
        String[] lines = file.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).isEmpty(); // every line ends with its line break
        assertThat(writes).as("one write per line: the sink's file stream is not buffered").hasSize(3);

        VerdictLine topic = new VerdictLine();
        for (int i = 0; i < checked.size(); i++) {
            CheckedListing r = checked.get(i);
            JsonNode line = json.readTree(lines[i]);
            assertThat(lines[i]).isEqualTo(new String(topic.serialize(r), StandardCharsets.UTF_8));
            assertThat(line.path("key").asText()).isEqualTo(r.key);
            assertThat(line.path("sellerId").asText()).isEqualTo(r.sellerId);
            assertThat(line.path("packSnapshot").asText()).isEqualTo("v1");
            assertThat(line.path("checkedAt").asLong()).isEqualTo(1_764_000_000_000L);
            if (r.problem != null) {
                assertThat(line.path("problem").asText()).isEqualTo(r.problem);
                assertThat(line.has("verdict")).isFalse();
            } else {
                assertThat(line.path("decision").asText()).isEqualTo(r.decision);
                assertThat(line.path("verdict")).isEqualTo(json.readTree(r.verdict));
            }
        }
        assertThat(json.readTree(lines[0]).at("/verdict/findings/0/message").asText()).isEqualTo("缺少中文标签 — ≥ 5 mW, Gefahr für Kinder");
    }

    private CheckedListing checked(String key, String seller, String verdict) throws Exception {
        CheckedListing r = listing(key, seller);
        r.decision = json.readTree(verdict).path("decision").asText();
        r.verdict = verdict;
        return r;
    }

    private static CheckedListing refused(String key, String seller, String problem) {
        CheckedListing r = listing(key, seller);
        r.problem = problem;
        return r;
    }

    private static CheckedListing listing(String key, String seller) {
        CheckedListing r = new CheckedListing();
        r.key = key;
        r.sellerId = seller;
        r.packSnapshot = "v1";
        r.checkedAt = 1_764_000_000_000L;
        return r;
    }
}
