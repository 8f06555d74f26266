package preflight.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
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
        Instant loadedAt) {

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }

    /** Runs every rule of the pack against one listing; thread-safe (one session per call). */
    public List<Finding> evaluate(Listing listing) {
        Findings findings = new Findings(allRules);
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal("findings", findings);
            session.insert(listing);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return findings.reported();
    }
}
