package preflight.ip;

/** A classifier could not answer in time or at all; the message says why, for the response's notes. */
public final class ClassifierUnavailableException extends RuntimeException {

    public ClassifierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
