package preflight.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a candidate pack changes, over a set of listings each judged by the live pack and by the candidate:
 * listings newly flagged (PASS became WARN or BLOCK), cleared (the reverse), any decision change, and per
 * rule how many listings it now fires on or no longer fires on, with examples. Preview and shadow mode
 * both report in this shape.
 */
public final class Impact {

    private static final int EXAMPLES_PER_RULE = 3;
    private static final int EXAMPLES = 20;

    /** One listing judged twice. Rules are the ids of the findings in force. */
    public record Pair(String checkId, String title, String liveDecision, String candidateDecision,
                       List<String> liveRules, List<String> candidateRules) {

        List<String> added() {
            TreeSet<String> s = new TreeSet<>(candidateRules);
            s.removeAll(liveRules);
            return List.copyOf(s);
        }

        List<String> removed() {
            TreeSet<String> s = new TreeSet<>(liveRules);
            s.removeAll(candidateRules);
            return List.copyOf(s);
        }

        boolean differs() {
            return !liveDecision.equals(candidateDecision) || !added().isEmpty() || !removed().isEmpty();
        }
    }

    public record RuleImpact(String ruleId, int newlyFiring, int noLongerFiring, List<String> exampleCheckIds) {
    }

    public record Example(String checkId, String title, String liveDecision, String candidateDecision,
                          List<String> newlyFiring, List<String> noLongerFiring) {
    }

    /**
     * @param compared       listings judged by both
     * @param unchanged      same decision and same rules
     * @param transitions    counts by "LIVE->CANDIDATE" decision, changed decisions only
     */
    public record Summary(int compared, int unchanged, int newlyFlagged, int cleared, int decisionChanged,
                          Map<String, Integer> transitions, List<RuleImpact> byRule, List<Example> examples) {
    }

    private Impact() {
    }

    public static Summary of(List<Pair> pairs) {
        int unchanged = 0;
        int flagged = 0;
        int cleared = 0;
        int changed = 0;
        Map<String, Integer> transitions = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<String>> ruleExamples = new TreeMap<>();
        List<Example> examples = new ArrayList<>();
        for (Pair p : pairs) {
            if (!p.differs()) {
                unchanged++;
                continue;
            }
            boolean livePass = "PASS".equals(p.liveDecision());
            boolean candidatePass = "PASS".equals(p.candidateDecision());
            flagged += livePass && !candidatePass ? 1 : 0;
            cleared += !livePass && candidatePass ? 1 : 0;
            if (!p.liveDecision().equals(p.candidateDecision())) {
                changed++;
                transitions.merge(p.liveDecision() + "->" + p.candidateDecision(), 1, Integer::sum);
            }
            for (String r : p.added()) {
                counts.computeIfAbsent(r, k -> new int[2])[0]++;
                example(ruleExamples, r, p.checkId());
            }
            for (String r : p.removed()) {
                counts.computeIfAbsent(r, k -> new int[2])[1]++;
                example(ruleExamples, r, p.checkId());
            }
            if (examples.size() < EXAMPLES) {
                examples.add(new Example(p.checkId(), p.title(), p.liveDecision(), p.candidateDecision(), p.added(), p.removed()));
            }
        }
        List<RuleImpact> byRule = new ArrayList<>();
        counts.forEach((rule, c) -> byRule.add(new RuleImpact(rule, c[0], c[1], ruleExamples.get(rule))));
        byRule.sort((a, b) -> Integer.compare(b.newlyFiring() + b.noLongerFiring(), a.newlyFiring() + a.noLongerFiring()));
        return new Summary(pairs.size(), unchanged, flagged, cleared, changed, transitions, byRule, examples);
    }

    private static void example(Map<String, List<String>> examples, String rule, String checkId) {
        List<String> list = examples.computeIfAbsent(rule, k -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_RULE) {
            list.add(checkId);
        }
    }
}
