package preflight.ip;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import preflight.rules.Finding;
import preflight.rules.Severity;

/**
 * Runs the screen over the labelled set and counts. A listing counts as flagged when the screen reports
 * an IP finding of MEDIUM or worse: what turns the decision to WARN or BLOCK. LOW advice ("jeep-style",
 * "keep your authorisation") is not a flag.
 */
public final class Evaluation {

    /** One listing's outcome. */
    public record Outcome(EvalCase example, boolean flagged, IpResult result, long nanos) {
        boolean correct() {
            return flagged == example.infringing();
        }
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private final String classifier;

    private Evaluation(String classifier) {
        this.classifier = classifier;
    }

    public static Evaluation run(IpScreen screen, List<EvalCase> cases) {
        Evaluation e = new Evaluation(screen.classifierName());
        for (EvalCase c : cases) {
            long t0 = System.nanoTime();
            IpResult r = screen.screen(c.product());
            long t = System.nanoTime() - t0;
            boolean flagged = r.findings().stream().map(Finding::severity).anyMatch(s -> s.compareTo(Severity.MEDIUM) >= 0);
            e.outcomes.add(new Outcome(c, flagged, r, t));
        }
        return e;
    }

    public String classifier() {
        return classifier;
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public long truePositives() {
        return outcomes.stream().filter(o -> o.example().infringing() && o.flagged()).count();
    }

    public long infringing() {
        return outcomes.stream().filter(o -> o.example().infringing()).count();
    }

    public long falsePositives() {
        return outcomes.stream().filter(o -> !o.example().infringing() && o.flagged()).count();
    }

    public long legitimate() {
        return outcomes.size() - infringing();
    }

    public double recall() {
        return ratio(truePositives(), infringing());
    }

    public double precision() {
        return ratio(truePositives(), truePositives() + falsePositives());
    }

    /** False positives among the legitimate listings. */
    public double falsePositiveRate() {
        return ratio(falsePositives(), legitimate());
    }

    /** How often the classifier was asked: the share of listings the lexicon left in doubt. */
    public double classifierShare() {
        return ratio(outcomes.stream().filter(o -> !o.result().verdict().classifier().equals("lexicon")).count(), outcomes.size());
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    public static void printHeader(PrintStream out) {
        out.printf(Locale.ROOT, "%-34s %5s %5s %5s %5s %9s %7s %8s %9s%n", "classifier", "n", "TP", "FN", "FP",
                "precision", "recall", "FP rate", "asked");
    }

    public void printRow(PrintStream out) {
        out.printf(Locale.ROOT, "%-34s %5d %5d %5d %5d %9.3f %7.3f %7.1f%% %8.1f%%%n", classifier, outcomes.size(),
                truePositives(), infringing() - truePositives(), falsePositives(), precision(), recall(),
                100 * falsePositiveRate(), 100 * classifierShare());
    }

    /** Recall or false-positive rate per kind of listing, and every listing the screen got wrong. */
    public void printDetail(PrintStream out) {
        Map<String, int[]> byKind = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] n = byKind.computeIfAbsent((o.example().infringing() ? "infringing/" : "legitimate/") + o.example().kind(),
                    k -> new int[2]);
            n[0]++;
            n[1] += o.correct() ? 1 : 0;
        }
        out.println("  right per kind:");
        byKind.forEach((k, n) -> out.printf(Locale.ROOT, "    %-32s %3d/%-3d%n", k, n[1], n[0]));
        out.println("  wrong:");
        for (Outcome o : outcomes) {
            if (!o.correct()) {
                out.printf(Locale.ROOT, "    %-12s %-10s %s | %s%n", o.example().id(), o.flagged() ? "flagged" : "missed",
                        o.example().product().title(), o.flagged()
                                ? o.result().findings().stream().map(f -> f.ruleId() + " " + f.evidence().stream()
                                        .map(e -> e.text()).toList()).distinct().toList()
                                : o.result().verdict().notes().stream().map(n -> n.use() + ":" + n.mark()).toList());
            }
        }
    }
}
