package preflight.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import preflight.Preflight;
import preflight.cases.GoldenCase;
import preflight.cases.GoldenCases;
import preflight.config.Settings;

/**
 * Checks running side by side on cold packs (while Drools compiles constraints in the background) give
 * the same verdicts as one at a time, and never fail.
 */
class ConcurrentChecksTest {

    @Test
    void verdictsUnderConcurrencyEqualSequentialVerdicts() throws Exception {
        Preflight app = new Preflight(Settings.fromEnv(Map.of("PREFLIGHT_IP_CLASSIFIER_BUDGET_MS", "60000")), Clock.systemDefaultZone());
        app.loadPacks();
        List<CheckRequest> requests = new ArrayList<>();
        for (GoldenCase c : GoldenCases.load(Path.of("test-cases"), null, new ArrayList<>())) {
            requests.add(app.parser().parse(c.request()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int round = 0; round < 15; round++) {
                        for (CheckRequest r : requests) {
                            out.add(summary(app.checks().check(r)));
                        }
                    }
                    return out;
                }));
            }
            List<String> expected = new ArrayList<>();
            for (int round = 0; round < 15; round++) {
                for (CheckRequest r : requests) {
                    expected.add(summary(app.checks().check(r)));
                }
            }
            for (Future<List<String>> run : runs) {
                List<String> got = run.get();
                assertThat(got).hasSameSizeAs(expected);
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i)).as("check %d of %d", i, got.size()).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String summary(Verdict v) {
        return v.decision() + " " + v.riskScore() + " " + v.findings() + " " + v.upcoming();
    }
}
