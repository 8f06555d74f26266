package preflight.rollout;

/** A roll-out request that cannot be done; {@code kind} says how the caller should read it. */
public final class RolloutException extends RuntimeException {

    /** NOT_FOUND: no such version; CONFLICT: not in a state that allows it; INVALID: the request names a bad field. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;
    private final String field;

    RolloutException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    static RolloutException notFound(String field, String message) {
        return new RolloutException(Kind.NOT_FOUND, field, message);
    }

    static RolloutException conflict(String message) {
        return new RolloutException(Kind.CONFLICT, "status", message);
    }

    static RolloutException invalid(String field, String message) {
        return new RolloutException(Kind.INVALID, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
