package preflight.rules;

import java.util.List;
import java.util.Map;

/** The packs that loaded, by market, and every problem found in the others. */
public record PackLoadResult(Map<String, RulePack> packs, List<PackProblem> problems) {
}
