package preflight.check;

import java.time.LocalDate;
import java.util.List;
import preflight.listing.Seller;
import preflight.rules.Finding;
import preflight.scoring.StoreScore;

/** The store-score forecast a check asks for; never throws (what cannot be known is said in the score). */
@FunctionalInterface
public interface StoreScorer {

    StoreScore forecast(Seller seller, List<Finding> inForce, LocalDate asOf);

    /** For checks run without a store record (tools, tests of other parts). */
    static StoreScorer unavailable(String reason) {
        return (seller, inForce, asOf) -> StoreScore.unavailable(seller.platform(), reason);
    }
}
