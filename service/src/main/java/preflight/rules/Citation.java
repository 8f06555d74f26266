package preflight.rules;

/** The regulation a finding cites, as the seller sees it. */
public record Citation(String id, String title, String url) {
}
