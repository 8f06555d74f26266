package preflight.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import preflight.rules.Finding;

/**
 * What publishing a listing is expected to do to the store: per finding in force, the chance it is
 * enforced and the points it costs; per ledger, the exact distribution of the total deduction (by
 * convolution of the findings, with the platform's caps applied), its mean, and the chance of reaching
 * each sanction threshold from the current standing; per strike count, the chance of reaching the limit.
 * A rule reported in several markets is one enforcement per listing.
 */
public final class StoreForecast {

    /** One finding's part: which ledger, how many points, how likely. */
    record Item(Finding finding, PenaltyProfile.Violation violation, double probability) {
    }

    private StoreForecast() {
    }

    public static StoreScore forecast(PenaltyProfile profile, Standing standing, List<Finding> inForce, EnforcementModel model) {
        Map<String, Item> byRule = new LinkedHashMap<>();
        boolean unconfirmed = false;
        for (Finding f : inForce) {
            var violation = profile.violation(f.category(), f.severity());
            if (violation.isEmpty() || violation.get().points() == 0) {
                continue;
            }
            double p = model.probability(f.ruleId(), violation.get().enforcement(), profile.priorStrength());
            Item item = new Item(f, violation.get(), p);
            byRule.merge(f.ruleId(), item, (a, b) -> a.probability() >= b.probability() ? a : b);
            unconfirmed |= !violation.get().confirmed();
        }
        List<Item> items = new ArrayList<>(byRule.values());

        List<StoreScore.LedgerForecast> ledgers = new ArrayList<>();
        StoreScore.LedgerForecast main = null;
        double mainWeight = -1;
        for (PenaltyProfile.Ledger ledger : profile.ledgers()) {
            List<Item> mine = items.stream().filter(i -> i.violation().ledger().equals(ledger.id())).toList();
            double[] deduction = distribution(mine, profile.caps());
            StoreScore.LedgerForecast lf = ledgerForecast(ledger, standing.points(ledger.id()), deduction);
            ledgers.add(lf);
            double weight = mine.stream().mapToDouble(i -> i.probability() * i.violation().points()).sum();
            if (weight > mainWeight) {
                main = lf;
                mainWeight = weight;
            }
            unconfirmed |= !ledger.countsForDaysConfirmed();
        }

        List<StoreScore.StrikeForecast> strikes = new ArrayList<>();
        for (PenaltyProfile.Strike strike : profile.strikes()) {
            double[] count = new double[] {1.0};
            for (Item i : items) {
                if (strike.id().equals(i.violation().strike())) {
                    count = convolve(count, 1, i.probability());
                }
            }
            int current = standing.strikes(strike.id());
            strikes.add(new StoreScore.StrikeForecast(strike.id(), current, strike.limit(),
                    round(tailAtLeast(count, strike.limit() - current)), strike.sanction()));
        }

        List<StoreScore.Driver> drivers = items.stream()
                .map(i -> new StoreScore.Driver(i.finding().ruleId(), i.finding().country(), i.finding().severity().name(),
                        round(i.probability()), i.violation().points(), round(i.probability() * i.violation().points())))
                .sorted(Comparator.comparingDouble(StoreScore.Driver::expectedPoints).reversed())
                .toList();
        return new StoreScore(true, profile.platform(), main.id(), main.currentPoints(), main.expectedPoints(),
                main.expectedDeduction(), main.breachProbability(), drivers, ledgers, strikes, unconfirmed, null);
    }

    /** What each finding would cost on this platform, for the finding's {@code penaltyPoints}. */
    public static int points(PenaltyProfile profile, Finding f) {
        return profile.violation(f.category(), f.severity()).map(PenaltyProfile.Violation::points).orElse(0);
    }

    /** The distribution of the total deduction: index = points, value = probability. */
    static double[] distribution(List<Item> items, List<PenaltyProfile.Cap> caps) {
        double[] total = new double[] {1.0};
        List<Item> rest = new ArrayList<>(items);
        for (PenaltyProfile.Cap cap : caps) {
            List<Item> capped = rest.stream().filter(i -> cap.categories().contains(i.finding().category())).toList();
            if (capped.isEmpty()) {
                continue;
            }
            rest.removeAll(capped);
            double[] group = new double[] {1.0};
            for (Item i : capped) {
                group = convolve(group, i.violation().points(), i.probability());
            }
            total = convolveDistributions(total, cap(group, cap.maxPoints()));
        }
        for (Item i : rest) {
            total = convolve(total, i.violation().points(), i.probability());
        }
        return total;
    }

    /** Adds one finding: with probability p it costs {@code points}. */
    static double[] convolve(double[] dist, int points, double p) {
        double[] out = new double[dist.length + points];
        for (int k = 0; k < dist.length; k++) {
            out[k] += dist[k] * (1 - p);
            out[k + points] += dist[k] * p;
        }
        return out;
    }

    static double[] convolveDistributions(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }

    /** Whatever lies above the cap counts as the cap. */
    static double[] cap(double[] dist, int max) {
        if (dist.length <= max + 1) {
            return dist;
        }
        double[] out = new double[max + 1];
        System.arraycopy(dist, 0, out, 0, max + 1);
        for (int k = max + 1; k < dist.length; k++) {
            out[max] += dist[k];
        }
        return out;
    }

    static double tailAtLeast(double[] dist, int k) {
        double sum = 0;
        for (int i = Math.max(k, 0); i < dist.length; i++) {
            sum += dist[i];
        }
        return Math.min(1.0, sum);
    }

    private static StoreScore.LedgerForecast ledgerForecast(PenaltyProfile.Ledger ledger, int recorded, double[] deduction) {
        double mean = 0;
        for (int k = 0; k < deduction.length; k++) {
            mean += k * deduction[k];
        }
        Map<String, Double> breach = new LinkedHashMap<>();
        Map<String, String> sanctions = new LinkedHashMap<>();
        int current = ledger.down() ? ledger.start() - recorded : recorded;
        for (PenaltyProfile.Threshold t : ledger.thresholds()) {
            if (ledger.down()) {
                if (current >= t.at()) { // not yet below it: the chance that the deduction takes the score below
                    breach.put(String.valueOf(t.at()), round(tailAtLeast(deduction, current - t.at() + 1)));
                    sanctions.put(String.valueOf(t.at()), t.sanction());
                }
            } else if (current < t.at()) {
                breach.put(String.valueOf(t.at()), round(tailAtLeast(deduction, t.at() - current)));
                sanctions.put(String.valueOf(t.at()), t.sanction());
            }
        }
        double expected = ledger.down() ? current - mean : current + mean;
        return new StoreScore.LedgerForecast(ledger.id(), ledger.title(), current, round(expected), round(mean), breach, sanctions);
    }

    static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
