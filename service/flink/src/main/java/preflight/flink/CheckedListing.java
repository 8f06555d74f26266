package preflight.flink;

/**
 * A listing once judged: the verdict as JSON (exactly what {@code POST /v1/checks} answers), or why it could not
 * be checked, with what the sinks need besides (the request for the check log, the snapshot that judged it).
 */
public final class CheckedListing {

    public String key;
    public String checkId;
    public String sellerId;
    public String platform;
    public String decision;
    public String classifier;
    public String packSnapshot;
    public String rulePacks;
    public String request;
    /** The verdict as JSON: it is written out as it is, never parsed again. */
    public String verdict;
    public String problem;
    public String previousDecision;
    public boolean upcoming;
    public long checkedAt;

    public CheckedListing() {
    }
}
