package preflight.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import preflight.check.CheckRequest;
import preflight.http.CheckRequestParser;
import preflight.http.Json;

/** Snapshots offered to one instance: a label names one set of files, so its reuse for other files is refused. */
class CheckEngineTest {

    @Test
    void aLabelReusedForOtherFilesIsRefusedAndTheRunningPacksStay() throws Exception {
        PackSnapshot v1 = PackSnapshot.read("v1", Path.of("rules"), Path.of("country-regulations"));
        CheckEngine engine = new CheckEngine(false);
        assertThat(engine.apply(v1).accepted()).isTrue();
        CheckRequest lantern = new CheckRequestParser(Clock.systemUTC()).parse(Json.mapper().readTree("{\"submissionId\":\"L-1\","
                + "\"seller\":{\"id\":\"S-1\"},\"product\":{\"title\":\"Paper lantern for garden parties\",\"category\":\"lighting\"},"
                + "\"targetCountries\":[\"US\"]}"));
        String before = engine.checks().check(lantern).decision().name();
        assertThat(before).isNotEqualTo("BLOCK");

        // the same files again (a second publish, a restart's replay): nothing to do
        PackSnapshot again = PackSnapshot.read("v1", Path.of("rules"), Path.of("country-regulations"));
        assertThat(engine.offer(again).accepted()).isTrue();

        // other files under the running label: refused, and the listing is judged as before
        PackSnapshot edited = v1.with("v1", "US/lanterns.drl", RescreenJobTest.LANTERN_RULE);
        assertThat(edited.digest()).isNotEqualTo(v1.digest());
        CheckEngine.Applied refused = engine.offer(edited);
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.problems()).singleElement().asString().contains("already names other packs", "new label");
        assertThat(engine.label()).isEqualTo("v1");
        assertThat(engine.checks().check(lantern).decision().name()).isEqualTo(before);

        // the same files under a new label: applied
        assertThat(engine.offer(edited.with("v2", "US/lanterns.drl", RescreenJobTest.LANTERN_RULE)).accepted()).isTrue();
        assertThat(engine.label()).isEqualTo("v2");
        assertThat(engine.checks().check(lantern).decision().name()).isEqualTo("BLOCK");
    }
}
