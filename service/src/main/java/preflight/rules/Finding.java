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

    /** In force on the day: started, and not yet ended. */
    public boolean inForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && !endedBy(day);
    }

    public boolean startsAfter(LocalDate day) {
        return effectiveFrom.isAfter(day);
    }

    public boolean endedBy(LocalDate day) {
        return effectiveTo != null && effectiveTo.isBefore(day);
    }
}
