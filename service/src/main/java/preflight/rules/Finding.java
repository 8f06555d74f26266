package preflight.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import preflight.listing.Evidence;

/**
 * One thing that would break in one market, as api-v1 shapes it. {@code effectiveTo} is present only
 * for rules that end.
 */
public record Finding(
        String ruleId,
        String country,
        Category category,
        Severity severity,
        String message,
        Citation regulation,
        List<Evidence> evidence,
        String fix,
        LocalDate effectiveFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate effectiveTo,
        int penaltyPoints) {
}
