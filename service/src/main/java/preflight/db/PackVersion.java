package preflight.db;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a market's pack as kept by the roll-out: the files as uploaded (or as they stood on disk
 * before an activation replaced them), what validating and testing them found, and where it stands.
 *
 * @param version the version its pack.yaml names
 * @param files   file name to content (pack.yaml, *.drl, *.csv)
 * @param status  candidate (passed, not live), refused (failed validation or golden cases), active (live),
 *                retired (was live, replaced)
 * @param origin  upload (through the API) or files (what was on disk before the first activation)
 * @param shadow  runs beside the live pack on real traffic
 */
public record PackVersion(
        String versionId,
        String market,
        String version,
        Map<String, String> files,
        String status,
        List<String> errors,
        List<String> failedCases,
        String origin,
        String note,
        String createdBy,
        Instant createdAt,
        Instant activatedAt,
        boolean shadow) {

    public static final String CANDIDATE = "candidate";
    public static final String REFUSED = "refused";
    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";
}
