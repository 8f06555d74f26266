package preflight.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The store-score forecast of a check (api-v1's {@code storeScore}, plus {@code drivers}, the other ledgers
 * and strikes, and {@code reason} when it is not available). The top-level figures are for the ledger the
 * listing's findings weigh on most.
 *
 * @param currentPoints      points that count on {@code asOf} (for a falling score, the score)
 * @param expectedPoints     points (or score) expected once the listing's findings play out
 * @param breachProbability  by threshold: the chance of reaching it (for a falling score, of dropping below it)
 * @param unconfirmed        some number the forecast used is not confirmed by the platform's own rules
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoreScore(
        boolean available,
        String platform,
        String ledger,
        Integer currentPoints,
        Double expectedPoints,
        Double expectedDeduction,
        Map<String, Double> breachProbability,
        List<Driver> drivers,
        List<LedgerForecast> ledgers,
        List<StrikeForecast> strikes,
        Boolean unconfirmed,
        String reason) {

    /** A finding's share of the forecast. */
    public record Driver(String ruleId, String country, String severity, double probability, int points, double expectedPoints) {
    }

    public record LedgerForecast(String id, String title, int currentPoints, double expectedPoints, double expectedDeduction,
                                 Map<String, Double> breachProbability, Map<String, String> sanctions) {
    }

    public record StrikeForecast(String id, int current, int limit, double probabilityOfLimit, String sanction) {
    }

    public static StoreScore unavailable(String platform, String reason) {
        return new StoreScore(false, platform, null, null, null, null, null, null, null, null, null, reason);
    }
}
