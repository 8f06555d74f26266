package preflight.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pack snapshots as they travel on the control topic: whole, small enough for Kafka, and never outside their folder. */
class PackSnapshotTest {

    @Test
    void aSnapshotTravelsAsJsonAndComesBackFileForFile(@TempDir Path dir) throws Exception {
        PackSnapshot s = PackSnapshot.read("2026.12.0", Path.of("rules"), Path.of("country-regulations"));
        assertThat(s.rules).containsKeys("US/pack.yaml", "US/children.drl", "US/durable-infant-products.csv", "US/messages_zh.properties");
        assertThat(s.regulations).containsKeys("US.yaml", "ip/marks-tech-toys-home.yaml", "penalties/alibaba.com.yaml");
        String text = Snapshots.toJson(s);
        PackSnapshot back = Snapshots.fromJson(text);
        assertThat(back.label).isEqualTo("2026.12.0");
        assertThat(back.rules).isEqualTo(s.rules);
        assertThat(back.regulations).isEqualTo(s.regulations);
        assertThat(back.digest()).as("the files' fingerprint survives the trip").isEqualTo(s.digest());
        assertThat(s.with("2026.12.0", "US/children.drl", s.rules.get("US/children.drl") + " ").digest()).isNotEqualTo(s.digest());
        back.writeTo(dir);
        assertThat(Files.readString(dir.resolve("rules/US/children.drl"))).isEqualTo(Files.readString(Path.of("rules/US/children.drl")));
        // gzip-compressed, as `flink publish` sends it, a snapshot stays under Kafka's default 1 MB message limit
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(zipped.size()).isLessThan(1_000_000);
    }

    @Test
    void aPathOutsideTheFolderIsRefused(@TempDir Path dir) {
        PackSnapshot evil = new PackSnapshot("x", Map.of("../../etc/evil.drl", "rule"), Map.of());
        assertThatThrownBy(() -> evil.writeTo(dir)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    }
}
