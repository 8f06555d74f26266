package preflight.rules;

import preflight.listing.Listing;

/**
 * A rule that fired for one listing in one market, before it is shaped into a {@link Finding}. Cheap to
 * make: the check drops duplicates (a global rule fires in every market's pack) and rules outside their
 * dates before paying for evidence.
 */
public record RuleHit(RuleMeta meta, Listing listing, String message, String fix) {

    public String ruleId() {
        return meta.id();
    }

    /** The market the finding names: the listing's target, or "*" for rules that apply everywhere. */
    public String country() {
        return meta.everywhere() ? "*" : listing.getMarket();
    }

    public Finding toFinding() {
        var reg = meta.regulation();
        return new Finding(meta.id(), country(), meta.category(), meta.severity(), message,
                new Citation(reg.id(), reg.title(), reg.url()), meta.terms().evidence(listing), fix,
                meta.effectiveFrom(), meta.effectiveTo(), meta.penaltyPoints());
    }
}
