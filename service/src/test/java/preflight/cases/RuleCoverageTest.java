package preflight.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.Preflight;
import preflight.config.Settings;
import preflight.rules.RuleMeta;
import preflight.rules.RulePack;

/** Every rule is pinned both ways: a case that fires it and a near miss that must not. */
class RuleCoverageTest {

    static List<RuleMeta> rules;
    static Set<String> fired = new HashSet<>();
    static Set<String> nearMissed = new HashSet<>();

    @BeforeAll
    static void load() {
        Preflight app = new Preflight(Settings.fromEnv(Map.of("PREFLIGHT_IP_CLASSIFIER_BUDGET_MS", "60000")), Clock.systemDefaultZone());
        rules = app.loadPacks().all().stream().flatMap(p -> p.ownRules().stream()).toList();
        for (GoldenCase c : GoldenCases.load(Path.of("test-cases"), null, new ArrayList<>())) {
            c.findings().forEach(f -> fired.add(f.path("ruleId").asText()));
            c.upcoming().forEach(f -> fired.add(f.path("ruleId").asText()));
            c.absent().stream().map(f -> f.path("ruleId").asText()).forEach(nearMissed::add);
        }
    }

    @Test
    void everyRuleHasACaseThatFiresIt() {
        assertThat(rules.stream().filter(r -> !fired.contains(r.id())).map(r -> r.file() + ":" + r.line() + " " + r.id()))
                .isEmpty();
    }

    @Test
    void everyRuleHasANearMissThatMustNotFireIt() {
        assertThat(rules.stream().filter(r -> !nearMissed.contains(r.id())).map(r -> r.file() + ":" + r.line() + " " + r.id()))
                .isEmpty();
    }

    @Test
    void theFirstFivePacksHoldAtLeastFortyRulesAndEightEach() {
        Preflight app = new Preflight(Settings.fromEnv(Map.of("PREFLIGHT_IP_CLASSIFIER_BUDGET_MS", "60000")), Clock.systemDefaultZone());
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (RulePack p : app.loadPacks().all()) {
            counts.put(p.market(), p.ownRules().size());
        }
        for (String m : List.of("global", "US", "EU", "UK", "JP")) {
            assertThat(counts.getOrDefault(m, 0)).as(m).isGreaterThanOrEqualTo(8);
        }
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void everyCitedRegulationHasAnOfficialLookingUrl() {
        for (RuleMeta r : rules) {
            assertThat(r.regulation().url()).as(r.id()).startsWith("http");
        }
    }

}
