package preflight.rules;

/** How bad a finding is, from a note to "must not be published" (api-v1). */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
