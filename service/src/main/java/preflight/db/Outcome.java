package preflight.db;

import java.time.Instant;
import java.util.List;

/** What happened after a checked listing was published: the rules the platform enforced, the points taken. */
public record Outcome(String checkId, boolean published, List<String> enforced, Integer points, Instant recordedAt) {
}
