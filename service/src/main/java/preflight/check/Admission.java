package preflight.check;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many checks evaluate rules at once, and how many may wait their turn. Evaluation is pure CPU work:
 * more side by side than cores only slows each down (measured: 2 threads 24k checks/s, 32 threads 6k on
 * 2 cores), so checks queue here; and a queue without end only turns an overload into timeouts, so past a
 * limit a check is turned away at once and the caller retries.
 */
public final class Admission {

    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();

    public Admission(int concurrency) {
        this.permits = new Semaphore(concurrency);
    }

    /** Waits as long as it takes (trial checks, tools). */
    void enter() {
        permits.acquireUninterruptibly();
    }

    /**
     * Enters at once if an evaluator is free; else waits, unless {@code maxWaiting} checks wait already,
     * and at most {@code maxWait}.
     *
     * @throws CheckService.BusyException "queue" or "timeout"
     */
    public void enter(int maxWaiting, Duration maxWait) {
        if (permits.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw new CheckService.BusyException("queue", maxWaiting + " checks are already waiting for an evaluator");
        }
        try {
            if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new CheckService.BusyException("timeout", "no evaluator was free within " + maxWait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckService.BusyException("interrupted", "interrupted while waiting for an evaluator");
        } finally {
            waiting.decrementAndGet();
        }
    }

    public void leave() {
        permits.release();
    }

    /** Checks waiting for an evaluator now. */
    public int waiting() {
        return waiting.get();
    }
}
