package preflight.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import preflight.listing.Listing;

/**
 * One market's compiled pack, parents included, ready to evaluate listings. Immutable: a reload builds
 * a new one.
 *
 * @param versions  market to version for this pack and every parent it includes
 * @param ownRules  the rules defined in this pack's own folder
 * @param allRules  this pack's and its parents' rules, by {@link #key}
 */
public record RulePack(
        String market,
        String version,
        String owner,
        Map<String, String> versions,
        List<String> files,
        List<RuleMeta> ownRules,
        Map<String, RuleMeta> allRules,
        KieBase kieBase,
        Instant loadedAt,
        SessionPool sessions) {

    RulePack(String market, String version, String owner, Map<String, String> versions, List<String> files,
             List<RuleMeta> ownRules, Map<String, RuleMeta> allRules, KieBase kieBase, Instant loadedAt) {
        this(market, version, owner, versions, files, ownRules, allRules, kieBase, loadedAt, new SessionPool(kieBase));
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }

    /** Rules of this pack and its parents that start to apply after {@code from} and by {@code to}, soonest first. */
    public List<RuleMeta> rulesStarting(java.time.LocalDate from, java.time.LocalDate to) {
        return allRules.values().stream()
                .filter(r -> r.effectiveFrom().isAfter(from) && !r.effectiveFrom().isAfter(to))
                .sorted(java.util.Comparator.comparing(RuleMeta::effectiveFrom).thenComparing(RuleMeta::id))
                .toList();
    }

    /** Runs every rule of the pack against one listing; thread-safe (a pooled session per call). */
    public List<RuleHit> evaluate(Listing listing) {
        Findings findings = new Findings(allRules);
        sessions.fire(listing, findings);
        return findings.reported();
    }
}
