package preflight.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the check log off the check's path. Checks hand their record to a bounded buffer and answer at
 * once; one writer thread writes in batches and, when the database is slow or down, keeps the batch and
 * tries again with growing pauses. Nothing is dropped silently: if the buffer fills, the records that do
 * not fit are counted, logged and shown at /health with the buffer's depth and the last error.
 *
 * @param <T> what a check hands over; turned into a {@link CheckRecord} on the writer thread, so the
 *            check does not pay for serialising it
 */
public final class CheckLogWriter<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckLogWriter.class);
    private static final int BATCH = 200;

    /** What /health shows of the check log. */
    public record Status(int pending, long written, long dropped, long failedWrites, String lastError) {
    }

    private final CheckLog checkLog;
    private final Function<T, CheckRecord> toRecord;
    private final BlockingQueue<T> buffer;
    private final List<CheckRecord> inFlight = new ArrayList<>();
    private final AtomicLong written = new AtomicLong();
    /** Handed over and not yet written: the buffer, plus the batch in hand. */
    private final java.util.concurrent.atomic.AtomicInteger unwritten = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile String lastError;
    private final AtomicLong failedWrites = new AtomicLong();
    private volatile boolean closing;

    public CheckLogWriter(CheckLog checkLog, Function<T, CheckRecord> toRecord, int capacity) {
        this.checkLog = checkLog;
        this.toRecord = toRecord;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "check-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Never blocks the check: a full buffer counts the record as dropped, and says so. */
    public void offer(T item) {
        if (buffer.offer(item)) {
            unwritten.incrementAndGet();
        } else {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                log.error("check log buffer full ({} records waiting): {} check records not kept", buffer.size(), n);
            }
        }
    }

    public Status status() {
        return new Status(unwritten.get(), written.get(), dropped.get(), failedWrites.get(), lastError);
    }

    /** Waits until everything handed over so far is written, or the time is up; true when it is. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (unwritten.get() == 0) {
                return true;
            }
            Thread.sleep(5);
        }
        return unwritten.get() == 0;
    }

    private void run() {
        long pauseMillis = 50;
        while (!closing || !buffer.isEmpty() || !inFlight.isEmpty()) {
            try {
                if (inFlight.isEmpty()) {
                    T first = buffer.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    List<T> items = new ArrayList<>();
                    items.add(first);
                    buffer.drainTo(items, BATCH - 1);
                    for (T item : items) {
                        inFlight.add(toRecord.apply(item));
                    }
                }
                checkLog.write(inFlight);
                written.addAndGet(inFlight.size());
                unwritten.addAndGet(-inFlight.size());
                inFlight.clear();
                lastError = null;
                pauseMillis = 50;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // keep the batch and try again: the database may be restarting
                failedWrites.incrementAndGet();
                lastError = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                log.warn("check log write failed, {} records kept for retry: {}", inFlight.size() + buffer.size(), lastError);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
                if (closing) {
                    return; // shutting down with the database away: what is left is counted at /health until then
                }
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
