package preflight.rules;

import java.time.LocalDate;
import java.util.List;
import preflight.regulations.Regulation;

/**
 * A rule's facts, from its metadata: {@code @id @category @severity @regulation @effectiveFrom} and the
 * optional {@code @effectiveTo @penaltyPoints @country("*")}. Resolved and checked at load time.
 *
 * @param condition  the rule's when part, line by line, as compiled (for a decision table: as generated)
 * @param message    the finding's English message, as its then part reports it ("" when it cannot be read there)
 * @param fix        the finding's English fix, likewise
 * @param everywhere the finding does not depend on the market ({@code @country("*")}): reported once, as "*"
 */
public record RuleMeta(
        String id,
        String name,
        String market,
        String file,
        int line,
        Category category,
        Severity severity,
        Regulation regulation,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        int penaltyPoints,
        boolean everywhere,
        RuleTerms terms,
        List<String> condition,
        String message,
        String fix) {

    /** The product attributes the rule's condition reads ("lucidNumber", "ageMin"). */
    public java.util.Set<String> attributes() {
        return terms.attributes();
    }

    /** Not yet in force on the day: the finding is upcoming. */
    public boolean startsAfter(LocalDate day) {
        return effectiveFrom.isAfter(day);
    }

    /** In force on the day: started, and not yet ended. */
    public boolean inForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveTo == null || !effectiveTo.isBefore(day));
    }
}
