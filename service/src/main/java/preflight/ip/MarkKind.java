package preflight.ip;

/** A brand (a trade mark) or a character or franchise (protected as a work and usually as a mark too). */
public enum MarkKind {
    BRAND, CHARACTER
}
