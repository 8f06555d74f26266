package preflight.batch;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a batch found across a catalogue: the summary its report is drawn from, kept with the batch.
 *
 * @param decisions          listings by decision
 * @param findingsByMarket   findings in force by market ("*" for those that apply everywhere)
 * @param listingsByCategory listings with at least one finding in force, by product category
 * @param rules              the rules that fire most, by the number of listings they fire on
 * @param worst              the listings to fix first: BLOCK before WARN, then by risk score
 * @param upcoming           rules not yet in force that this catalogue would break, soonest first
 * @param score              per seller and penalty ledger: the points now and what the catalogue going live would add
 * @param problems           rows that could not be checked (the first ones, with their line numbers)
 */
public record Catalogue(int listings, int checked, int refused, LocalDate asOf, Map<String, Integer> decisions,
                        Map<String, Integer> findingsByMarket, Map<String, Integer> listingsByCategory, List<RuleCount> rules,
                        List<Listing> worst, List<Upcoming> upcoming, List<LedgerTotal> score, List<RowProblem> problems) {

    public record RuleCount(String ruleId, String severity, String category, String regulation, String url, int listings) {
    }

    public record Listing(int line, String submissionId, String sellerId, String title, String decision, int riskScore,
                          int findings, List<String> rules) {
    }

    public record Upcoming(String ruleId, String country, LocalDate effectiveFrom, String severity, int listings,
                           List<Integer> exampleLines) {
    }

    /** {@code expected} is now plus the expected change of every listing with findings (a falling score goes down). */
    public record LedgerTotal(String sellerId, String platform, String ledger, String title, int current, double expected,
                              int listingsWithFindings, Map<String, String> sanctions) {
    }

    public record RowProblem(int line, String problem) {
    }
}
