package preflight.store;

import java.util.ArrayList;
import java.util.List;
import preflight.db.Outcomes;

/**
 * How well past forecasts matched what happened: the Brier score (mean squared difference between the
 * probability forecast for a rule and whether it was enforced; 0 is perfect, 0.25 is a coin toss) and a
 * reliability table by probability bucket (forecast mean against observed rate).
 */
public record Calibration(int forecasts, Double brier, List<Bucket> reliability) {

    public record Bucket(String range, int count, Double meanForecast, Double observedRate) {
    }

    public static Calibration of(List<Outcomes.Pair> pairs) {
        int[] count = new int[10];
        double[] forecast = new double[10];
        double[] observed = new double[10];
        double squared = 0;
        for (Outcomes.Pair p : pairs) {
            int y = p.enforced() ? 1 : 0;
            squared += (p.probability() - y) * (p.probability() - y);
            int b = Math.min(9, (int) (p.probability() * 10));
            count[b]++;
            forecast[b] += p.probability();
            observed[b] += y;
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            String range = String.format(java.util.Locale.ROOT, "%.1f-%.1f", b / 10.0, (b + 1) / 10.0);
            buckets.add(new Bucket(range, count[b], count[b] == 0 ? null : round(forecast[b] / count[b]),
                    count[b] == 0 ? null : round(observed[b] / count[b])));
        }
        return new Calibration(pairs.size(), pairs.isEmpty() ? null : round(squared / pairs.size()), buckets);
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
