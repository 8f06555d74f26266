package preflight.scoring;

import java.util.List;
import preflight.rules.Finding;
import preflight.rules.Severity;

/**
 * The default decision and risk score for the findings in force (rules still to come never count).
 *
 * <ul>
 *   <li>Decision: BLOCK when any finding is CRITICAL; WARN when any is HIGH or MEDIUM; PASS otherwise.</li>
 *   <li>Risk score 0..100: the chance that at least one finding leads to a takedown or penalty, if each
 *       finding independently does so with its severity's weight (INFO 0, LOW 0.05, MEDIUM 0.25,
 *       HIGH 0.5, CRITICAL 0.9): {@code 100 * (1 - prod(1 - w))}, rounded. One CRITICAL finding alone
 *       scores 90; no findings score 0.</li>
 * </ul>
 */
public final class DecisionPolicy {

    public Decision decide(List<Finding> inForce) {
        boolean warn = false;
        for (Finding f : inForce) {
            if (f.severity() == Severity.CRITICAL) {
                return Decision.BLOCK;
            }
            warn |= f.severity().atLeast(Severity.MEDIUM);
        }
        return warn ? Decision.WARN : Decision.PASS;
    }

    public int riskScore(List<Finding> inForce) {
        double clear = 1.0;
        for (Finding f : inForce) {
            clear *= 1.0 - weight(f.severity());
        }
        return (int) Math.round(100.0 * (1.0 - clear));
    }

    /** The chance, by severity, that a finding leads to a takedown or penalty. */
    public static double weight(Severity s) {
        return switch (s) {
            case INFO -> 0.0;
            case LOW -> 0.05;
            case MEDIUM -> 0.25;
            case HIGH -> 0.5;
            case CRITICAL -> 0.9;
        };
    }
}
