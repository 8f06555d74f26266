package preflight.store;

import java.time.LocalDate;
import java.util.List;
import preflight.db.Penalty;

/** GET /v1/stores/{sellerId}: what counts against the store on {@code asOf}, and what comes next. */
public record StoreStanding(String sellerId, String platform, LocalDate asOf, List<LedgerStanding> ledgers,
                            List<StrikeStanding> strikes, List<Penalty> penalties) {

    /**
     * @param points    points that count on asOf (for a falling score, the score)
     * @param next      the next sanction and how many points away it is; null when none is left
     * @param reached   sanctions already reached
     */
    public record LedgerStanding(String id, String title, int points, int countsForDays, Next next, List<String> reached) {
    }

    public record Next(int at, String sanction, int pointsAway) {
    }

    public record StrikeStanding(String id, String title, int count, int limit, String sanction) {
    }
}
