package preflight.scoring;

/** What the listing flow should do with the listing (api-v1). */
public enum Decision {
    /** Nothing stops publishing. */
    PASS,
    /** Publish only after fixing. */
    WARN,
    /** Must not be published. */
    BLOCK
}
