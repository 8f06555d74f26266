package preflight.store;

/** The store's record cannot be read or written now (the database is down or slow); the message says why. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
