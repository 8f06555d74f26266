package preflight.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One golden case from {@code test-cases/<MARKET>/<name>.json}: a request and what the verdict must and
 * must not hold. Expected findings are partial: only the fields given are compared.
 *
 * @param decision  the expected decision, or null when the case does not pin it
 * @param findings  each must match a finding in force
 * @param upcoming  each must match an upcoming rule
 * @param absent    none may match a finding or an upcoming rule (the near misses)
 */
public record GoldenCase(
        String name,
        String market,
        String file,
        String note,
        JsonNode request,
        String decision,
        List<JsonNode> findings,
        List<JsonNode> upcoming,
        List<JsonNode> absent) {
}
