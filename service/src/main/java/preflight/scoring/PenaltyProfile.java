package preflight.scoring;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import preflight.rules.Category;
import preflight.rules.Severity;

/**
 * One marketplace's penalty system, as {@code country-regulations/penalties/<platform>.yaml} states it:
 * its ledgers and sanction thresholds, strike counts, what each kind of finding costs, and caps.
 *
 * @param priorStrength how many recorded outcomes the enforcement priors are worth
 */
public record PenaltyProfile(String platform, String name, List<String> sources, int priorStrength, List<Ledger> ledgers,
                             List<Strike> strikes, List<Violation> violations, List<Cap> caps) {

    /**
     * A points ledger. {@code down} ledgers are scores that fall (Amazon's AHR starts at 200); the others
     * accumulate points from 0.
     */
    public record Ledger(String id, String title, boolean down, int start, int countsForDays, boolean countsForDaysConfirmed,
                         List<Threshold> thresholds) {
    }

    /** A sanction: reached at {@code at} points (or, for a falling score, below {@code at}). */
    public record Threshold(int at, String sanction) {
    }

    public record Strike(String id, String title, int limit, String sanction) {
    }

    /**
     * What a finding of this category (and severity, when given) costs when enforced.
     *
     * @param enforcement the prior probability that such a finding is enforced within the ledger's window
     * @param confirmed   the platform's own rules give this number
     */
    public record Violation(Category category, Severity severity, String ledger, int points, String strike,
                            double enforcement, boolean confirmed, String note) {

        boolean matches(Category c, Severity s) {
            return category == c && (severity == null || severity == s);
        }
    }

    /** At most {@code maxPoints} together for findings of these categories enforced at once. */
    public record Cap(Set<Category> categories, int maxPoints, boolean confirmed, String note) {
    }

    /** What a finding costs: the first violation that matches it. */
    public Optional<Violation> violation(Category category, Severity severity) {
        return violations.stream().filter(v -> v.matches(category, severity)).findFirst();
    }

    public Ledger ledger(String id) {
        return ledgers.stream().filter(l -> l.id().equals(id)).findFirst().orElse(ledgers.get(0));
    }
}
