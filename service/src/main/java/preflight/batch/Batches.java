package preflight.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import preflight.check.CheckRequest;
import preflight.check.Verdict;
import preflight.db.BatchStore;

/**
 * Catalogue checks behind {@code /v1/batches}: a batch is stored whole before it is answered (202), checked in
 * the background one batch at a time, and its results written back in chunks. When the database is down the
 * results wait in memory and the writes are tried again; a batch a restart interrupted goes on where it stopped.
 */
public final class Batches implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Batches.class);
    private static final int CHUNK = 500;

    /** api-v1's batch status; {@code etaSeconds} is null until a rate is known. */
    public record Status(String id, String status, int done, int total, int refused, double rate, Long etaSeconds,
                         Instant createdAt, Instant finishedAt, String failure) {
    }

    /** A batch this instance holds: queued behind another until {@code started}, then running. */
    private record Running(Progress progress, CatalogueSummary summary, Instant createdAt, int refused,
                           AtomicBoolean started) {
    }

    private final BatchStore store;
    private final BatchJob job;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch-runner");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public Batches(BatchStore store, BatchJob job, ObjectMapper json, Clock clock) {
        this.store = store;
        this.job = job;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores the batch and queues it. {@code sellerId} is the store a seller's key stands for (its batch is
     * its own), or null.
     */
    public Status submit(List<BatchRow> rows, String actor, String sellerId) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int refused = (int) rows.stream().filter(BatchRow::refused).count();
        List<BatchStore.Item> items = new ArrayList<>(rows.size());
        for (BatchRow r : rows) {
            items.add(new BatchStore.Item(r.line(), r.refused() ? null : r.request().seller().id(),
                    r.refused() ? null : r.request().submissionId(), r.refused() ? null : write(r.request()), null, null, r.problem()));
        }
        store.create(new BatchStore.Header(id, "running", rows.size(), refused, actor, sellerId, now, null, null, null), items);
        CatalogueSummary summary = new CatalogueSummary(rows.size());
        rows.stream().filter(BatchRow::refused).forEach(r -> summary.refused(r.line(), r.problem()));
        start(id, rows.stream().filter(r -> !r.refused()).toList(), rows.size(), refused, refused, summary, now);
        return status(id).orElseThrow();
    }

    private void start(String id, List<BatchRow> pending, int total, int alreadyDone, int refused, CatalogueSummary summary,
                       Instant createdAt) {
        Running r = new Running(new Progress(total, alreadyDone), summary, createdAt, refused, new AtomicBoolean());
        running.put(id, r);
        runner.submit(() -> execute(id, pending, r));
    }

    private void execute(String id, List<BatchRow> pending, Running r) {
        r.started().set(true);
        ConcurrentLinkedQueue<BatchStore.Item> results = new ConcurrentLinkedQueue<>();
        AtomicBoolean checked = new AtomicBoolean();
        Thread writer = new Thread(() -> writeUntilDone(id, results, checked), "batch-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            try {
                job.run("batch", pending, r.progress(), r.summary().counting(new BatchJob.Sink() {
                    @Override
                    public void checked(BatchRow row, Verdict v) {
                        results.add(new BatchStore.Item(row.line(), null, null, null, v.decision().name(), write(v), null));
                    }

                    @Override
                    public void refused(BatchRow row, String problem) {
                        results.add(new BatchStore.Item(row.line(), null, null, null, null, null, problem));
                    }
                }));
            } finally {
                checked.set(true);
            }
            writer.join();
            retrying(() -> store.finish(id, "done", clock.instant(), write(r.summary().snapshot()), null), "finish batch " + id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("batch {} failed", id, e);
            retrying(() -> store.finish(id, "failed", clock.instant(), write(r.summary().snapshot()), String.valueOf(e)), "fail batch " + id);
        } finally {
            running.remove(id);
        }
    }

    /** Writes results in chunks until the job has checked every row and every result is written. */
    private void writeUntilDone(String id, ConcurrentLinkedQueue<BatchStore.Item> results, AtomicBoolean checked) {
        while (!closed) {
            boolean last = checked.get(); // read before draining: once set, nothing more is queued
            List<BatchStore.Item> chunk = new ArrayList<>(CHUNK);
            for (BatchStore.Item i = results.poll(); i != null; i = chunk.size() < CHUNK ? results.poll() : null) {
                chunk.add(i);
            }
            if (!chunk.isEmpty()) {
                retrying(() -> store.saveResults(id, chunk), "write results of batch " + id);
            } else if (last) {
                return;
            } else {
                sleep(50);
            }
        }
    }

    private interface Write {
        void run() throws SQLException;
    }

    /** A write that waits out a database that is down: results are never dropped, only delayed. */
    private void retrying(Write w, String what) {
        long backoff = 200;
        while (!closed) {
            try {
                w.run();
                return;
            } catch (SQLException e) {
                log.warn("cannot {} yet ({}); trying again in {} ms", what, e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(10_000, backoff * 2);
            }
        }
    }

    public Optional<Status> status(String id) throws SQLException {
        Running r = running.get(id);
        if (r != null) {
            Progress p = r.progress();
            String status = r.started().get() ? "running" : "queued";
            return Optional.of(new Status(id, status, p.done(), p.total(), r.refused(), Math.round(p.rate() * 10) / 10.0,
                    p.eta() == null ? null : (long) Math.ceil(p.eta().toMillis() / 1000.0), r.createdAt(), null, null));
        }
        // a finished batch: its rate over its whole run; one still marked running here is another instance's or waits to resume
        return store.find(id).map(h -> {
            boolean finished = h.finishedAt() != null;
            double seconds = finished ? Math.max(0.001, java.time.Duration.between(h.createdAt(), h.finishedAt()).toMillis() / 1000.0) : 0;
            return new Status(h.batchId(), h.status(), finished ? h.total() : 0, h.total(), h.refused(),
                    finished ? Math.round(h.total() / seconds * 10) / 10.0 : 0, finished ? 0L : null, h.createdAt(), h.finishedAt(),
                    h.failure());
        });
    }

    /** The seller a batch belongs to, when a seller's key made it. */
    public Optional<BatchStore.Header> header(String id) throws SQLException {
        return store.find(id);
    }

    /** The catalogue summary: as far as it goes while running, the stored one once done. */
    public Optional<Catalogue> catalogue(String id) throws SQLException {
        Running r = running.get(id);
        if (r != null) {
            return Optional.of(r.summary().snapshot());
        }
        Optional<BatchStore.Header> h = store.find(id);
        if (h.isEmpty() || h.get().summary() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(h.get().summary(), Catalogue.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch summary that is not JSON: " + id, e);
        }
    }

    /** Each row's result in line order; rows still being checked are left out. */
    public void results(String id, Consumer<BatchStore.Item> each) throws SQLException {
        store.items(id, i -> {
            if (i.verdict() != null || i.problem() != null) {
                each.accept(i);
            }
        });
    }

    /**
     * Takes up batches a stop interrupted: rows already checked count, the others are checked now. A batch whose
     * stored rows cannot be read back fails with the reason, and the others are still taken up.
     */
    public void resume() throws SQLException {
        for (BatchStore.Header h : store.running()) {
            if (running.containsKey(h.batchId())) {
                continue;
            }
            try {
                resume(h);
            } catch (IllegalStateException unreadable) {
                log.error("batch {} cannot be resumed", h.batchId(), unreadable);
                store.finish(h.batchId(), "failed", clock.instant(), null, "could not be resumed: " + unreadable.getMessage());
            }
        }
    }

    private void resume(BatchStore.Header h) throws SQLException {
        CatalogueSummary summary = new CatalogueSummary(h.total());
        List<BatchRow> pending = new ArrayList<>();
        int[] done = {0};
        store.items(h.batchId(), i -> {
            try {
                if (i.problem() != null) {
                    summary.refused(i.line(), i.problem());
                    done[0]++;
                } else if (i.verdict() != null) {
                    CheckRequest req = json.readValue(i.request(), CheckRequest.class);
                    summary.add(i.line(), req.seller().id(), req.product().category(), req.product().title(),
                            json.readValue(i.verdict(), Verdict.class));
                    done[0]++;
                } else {
                    pending.add(new BatchRow(i.line(), json.readValue(i.request(), CheckRequest.class), null));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("line " + i.line() + " is not readable: " + e.getOriginalMessage(), e);
            }
        });
        log.info("resuming batch {}: {} of {} rows done", h.batchId(), done[0], h.total());
        start(h.batchId(), pending, h.total(), done[0], h.refused(), summary, h.createdAt());
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        runner.shutdownNow();
    }
}
