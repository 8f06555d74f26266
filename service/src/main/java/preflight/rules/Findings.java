package preflight.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import preflight.listing.Listing;

/**
 * What a rule's {@code then} part calls to report a finding (the DRL global {@code findings}):
 *
 * <pre>
 *   findings.report(kcontext, $l, "what is wrong", "how to fix it");
 * </pre>
 *
 * Everything else (id, category, severity, regulation, dates, evidence) comes from the rule's metadata.
 * One instance per evaluation; not shared between threads.
 */
public final class Findings {

    private final Map<String, RuleMeta> rules;
    private final List<RuleHit> reported = new ArrayList<>();

    Findings(Map<String, RuleMeta> rules) {
        this.rules = rules;
    }

    public void report(RuleContext kcontext, Listing listing, String message, String fix) {
        Rule rule = kcontext.getRule();
        RuleMeta meta = rules.get(RulePack.key(rule.getPackageName(), rule.getName()));
        if (meta == null) {
            throw new IllegalStateException("no metadata loaded for rule " + rule.getName());
        }
        reported.add(new RuleHit(meta, listing, message, fix));
    }

    List<RuleHit> reported() {
        return reported;
    }
}
