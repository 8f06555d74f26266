package preflight.db;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A penalty that really happened to a store, as the platform imposed it.
 *
 * @param ledger the profile's ledger it counts on
 * @param strike the strike count it adds one to (serious IP), or null
 * @param source who reported it (the seller, a platform notice, an integration)
 */
public record Penalty(String penaltyId, String sellerId, String platform, String ledger, String violationType, String ruleId,
                      int points, String strike, LocalDate date, String listingId, String source, Instant recordedAt) {
}
