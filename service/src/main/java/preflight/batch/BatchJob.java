package preflight.batch;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import preflight.check.CheckService;
import preflight.check.Verdict;
import preflight.reload.BackgroundThread;

/**
 * Checks a catalogue's rows on worker threads at the lowest OS priority, so a catalogue never takes cores from
 * the listing flow's checks, and hands each verdict to a sink. The same job serves the API and the command line;
 * each row is checked on its own, so the rows of one catalogue could as well be spread over many processes.
 */
public final class BatchJob {

    private static final Logger log = LoggerFactory.getLogger(BatchJob.class);

    /** Takes each result; called from the worker threads. */
    public interface Sink {
        void checked(BatchRow row, Verdict verdict);

        void refused(BatchRow row, String problem);
    }

    private final CheckService checks;
    private final int threads;

    /** @param checks a check service of the batch's own: no check log, a store forecast that reads each ledger once */
    public BatchJob(CheckService checks, int threads) {
        this.checks = checks;
        this.threads = Math.max(1, threads);
    }

    /** Checks every row not yet refused and hands each result to the sink; returns when all are done. */
    public void run(String name, List<BatchRow> rows, Progress progress, Sink sink) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                BackgroundThread.lowerPriority(name);
                try {
                    for (int i = next.getAndIncrement(); i < rows.size(); i = next.getAndIncrement()) {
                        one(rows.get(i), sink);
                        progress.advance();
                    }
                } finally {
                    finished.countDown();
                }
            }, name + "-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        finished.await();
        progress.finished();
    }

    private void one(BatchRow row, Sink sink) {
        if (row.refused()) {
            sink.refused(row, row.problem());
            return;
        }
        try {
            Verdict v = checks.check(row.request());
            sink.checked(row, v);
        } catch (RuntimeException e) {
            // one listing the engine cannot judge is reported on its line; the rest of the catalogue goes on
            log.warn("batch row {} not checked", row.line(), e);
            sink.refused(row, "could not be checked: " + e);
        }
    }
}
