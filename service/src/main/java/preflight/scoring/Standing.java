package preflight.scoring;

import java.util.Map;

/**
 * A store's record on one day: points that still count per ledger (for a falling score, the points
 * deducted from it) and strikes per strike count.
 */
public record Standing(Map<String, Integer> points, Map<String, Integer> strikes) {

    public int points(String ledger) {
        return points.getOrDefault(ledger, 0);
    }

    public int strikes(String id) {
        return strikes.getOrDefault(id, 0);
    }
}
