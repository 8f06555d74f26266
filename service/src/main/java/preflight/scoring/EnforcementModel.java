package preflight.scoring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How likely a finding is enforced once the listing is published: a beta-binomial per rule. The prior
 * comes from the penalty profile (by category and severity) and is worth {@code strength} outcomes; each
 * recorded outcome of a published listing carrying the rule moves it (enforced or not). Safe for
 * concurrent use; loaded from the outcome store at start and kept current as outcomes arrive.
 */
public final class EnforcementModel {

    /** Published listings that carried the rule, and how many of them it was enforced on. */
    public record Counts(long published, long enforced) {
    }

    private final Map<String, Counts> byRule = new ConcurrentHashMap<>();

    public EnforcementModel(Map<String, Counts> initial) {
        byRule.putAll(initial);
    }

    /** The posterior mean: (prior × strength + enforced) / (strength + published). */
    public double probability(String ruleId, double prior, int strength) {
        Counts c = byRule.getOrDefault(ruleId, new Counts(0, 0));
        return (prior * strength + c.enforced()) / (strength + c.published());
    }

    public void record(String ruleId, boolean enforced) {
        byRule.merge(ruleId, new Counts(1, enforced ? 1 : 0),
                (a, b) -> new Counts(a.published() + b.published(), a.enforced() + b.enforced()));
    }

    public Counts counts(String ruleId) {
        return byRule.getOrDefault(ruleId, new Counts(0, 0));
    }
}
