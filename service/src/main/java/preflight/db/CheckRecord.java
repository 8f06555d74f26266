package preflight.db;

import java.time.Instant;
import java.util.List;

/**
 * One check as the check log keeps it: the request and the verdict as JSON, with what the response does
 * not repeat (the classifier, the seller, when). {@code forecasts} is what the store-score forecast said
 * of each rule, kept to be compared with what really happened.
 */
public record CheckRecord(String checkId, String submissionId, String sellerId, String platform, String decision,
                          String classifier, String rulePacks, String request, String verdict, Instant createdAt,
                          List<ForecastItem> forecasts) {

    public record ForecastItem(String ruleId, double probability, int points) {
    }
}
