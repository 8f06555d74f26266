package preflight.batch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** How far a batch is: rows done of the total, the rate so far and the time left at that rate. */
public final class Progress {

    private final int total;
    private final int alreadyDone;
    private final AtomicInteger done = new AtomicInteger();
    private final long startedNanos = System.nanoTime();
    private volatile long finishedNanos;

    public Progress(int total, int alreadyDone) {
        this.total = total;
        this.alreadyDone = alreadyDone;
        done.set(alreadyDone);
    }

    void advance() {
        done.incrementAndGet();
    }

    void finished() {
        finishedNanos = System.nanoTime();
    }

    public int done() {
        return done.get();
    }

    public int total() {
        return total;
    }

    /** Rows checked per second since the batch started (or resumed) here; rows done before do not count. */
    public double rate() {
        long end = finishedNanos == 0 ? System.nanoTime() : finishedNanos;
        double seconds = (end - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : (done.get() - alreadyDone) / seconds;
    }

    /** Time left at the rate so far; zero when done, null before the rate is known. */
    public Duration eta() {
        int left = total - done.get();
        if (left <= 0) {
            return Duration.ZERO;
        }
        double rate = rate();
        return rate <= 0 ? null : Duration.ofMillis((long) (left / rate * 1000));
    }
}
