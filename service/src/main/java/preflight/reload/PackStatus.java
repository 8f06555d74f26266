package preflight.reload;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /v1/rule-packs/{market}: the version that is live, and the last candidate that was refused, with
 * every error (as {@code file:line: message}) and every golden case it failed.
 */
public record PackStatus(String market, Live live, Candidate rejected) {

    public record Live(String version, Map<String, String> versions, int ruleCount, List<String> files, Instant loadedAt) {
    }

    public record Candidate(Instant at, List<String> errors, List<String> failedCases) {
    }
}
