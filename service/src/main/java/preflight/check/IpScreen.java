package preflight.check;

import java.util.List;

/**
 * The IP block of a verdict. Until the IP screen (marks lexicon and classifier) exists, it reports the
 * rules' own IP findings: {@code risk} is the highest weight among them and {@code classifier} says
 * that no classifier ran.
 */
public record IpScreen(double risk, List<String> brands, String classifier, List<String> ruleIds, boolean checked) {
}
