package preflight.cases;

import java.util.List;
import preflight.check.Verdict;

/** The outcome of one golden case: what did not match (empty when it passed) and the verdict itself. */
public record CaseResult(GoldenCase goldenCase, List<String> mismatches, Verdict verdict) {

    public boolean passed() {
        return mismatches.isEmpty();
    }
}
