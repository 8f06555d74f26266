package preflight.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import preflight.Preflight;
import preflight.config.Settings;

/** Every golden case under test-cases/ is its own test, named by its file. */
class GoldenCasesTest {

    static Preflight app;
    static List<GoldenCase> cases;
    static final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void load() {
        app = new Preflight(Settings.fromEnv(Map.of("PREFLIGHT_IP_CLASSIFIER_BUDGET_MS", "60000")), Clock.systemDefaultZone());
        app.loadPacks();
        cases = GoldenCases.load(Path.of("test-cases"), null, problems);
    }

    @Test
    void everyCaseFileIsWellFormed() {
        assertThat(problems).isEmpty();
        assertThat(cases).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        CaseRunner runner = app.caseRunner();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), Path.of(c.file()).toUri(), () -> {
            CaseResult r = runner.run(c);
            assertThat(r.mismatches()).as(c.note()).isEmpty();
        }));
    }
}
