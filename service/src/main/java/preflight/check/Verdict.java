package preflight.check;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import preflight.ip.IpVerdict;
import preflight.rules.Finding;
import preflight.scoring.Decision;
import preflight.scoring.StoreScore;

/** The answer to one check (api-v1), field for field. */
public record Verdict(
        String checkId,
        String submissionId,
        Decision decision,
        int riskScore,
        List<Finding> findings,
        List<Finding> upcoming,
        IpVerdict ip,
        StoreScore storeScore,
        Map<String, String> rulePacks,
        LocalDate asOf) {
}
