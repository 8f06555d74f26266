package preflight.resilience;

import java.util.function.LongSupplier;

/**
 * Stops calling a failing dependency for a while. After {@code threshold} failures in a row it opens:
 * calls are refused at once for {@code openMillis}; then one trial call is let through, and its result
 * closes or reopens the breaker.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openNanos;
    private final LongSupplier nanoTime;
    private int failures;
    private long openedAt;
    private State state = State.CLOSED;

    public CircuitBreaker(int threshold, long openMillis, LongSupplier nanoTime) {
        this.threshold = threshold;
        this.openNanos = openMillis * 1_000_000L;
        this.nanoTime = nanoTime;
    }

    /** True when a call may go ahead; in the half-open state only the first caller gets through. */
    public synchronized boolean allow() {
        if (state == State.OPEN && nanoTime.getAsLong() - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            return true;
        }
        return state == State.CLOSED;
    }

    public synchronized void succeeded() {
        failures = 0;
        state = State.CLOSED;
    }

    public synchronized void failed() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = nanoTime.getAsLong();
        }
    }

    public synchronized State state() {
        return state;
    }
}
