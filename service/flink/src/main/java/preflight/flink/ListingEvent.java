package preflight.flink;

/**
 * One listing on its way to the check: the check request as JSON (api-v1), the seller it is keyed by, and the
 * key that names the listing (its submission id, or a digest of the line). {@code previousDecision} is the
 * decision the listing had before, when the source knows it (a stored catalogue's re-screen); a field of the
 * line's JSON object beside the request's own fields.
 * A POJO of strings: Flink serialises it without Kryo.
 */
public final class ListingEvent {

    public String key;
    public String sellerId;
    public String request;
    public String previousDecision;

    public ListingEvent() {
    }

    public ListingEvent(String key, String sellerId, String request, String previousDecision) {
        this.key = key;
        this.sellerId = sellerId;
        this.request = request;
        this.previousDecision = previousDecision;
    }
}
