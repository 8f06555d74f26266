package preflight.rescreen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import preflight.batch.BatchJob;
import preflight.batch.BatchRow;
import preflight.batch.Progress;
import preflight.check.CheckRequest;
import preflight.check.CheckService;
import preflight.check.Verdict;
import preflight.db.BatchStore;
import preflight.db.CheckLog;
import preflight.db.Rescreens;
import preflight.ip.IpScreen;
import preflight.rules.RulePack;
import preflight.rules.RulePacks;

/**
 * The early warning: when packs change (a file edit reloaded, a candidate activated, a rollback), the stored
 * listings (each seller's catalogue from batches, and the listings the check log saw lately) are judged again
 * in the background, by the packs before and after the change, as of today. Listings whose decision changes
 * are recorded per seller, for {@code GET /v1/stores/{sellerId}/rescreens}.
 */
public final class Rescreener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Rescreener.class);

    private final Supplier<RulePacks> live;
    private final Supplier<IpScreen> ip;
    private final BiFunction<Supplier<RulePacks>, Supplier<IpScreen>, CheckService> checksOver;
    private final BatchStore batches;
    private final CheckLog checkLog;
    private final Rescreens store;
    private final ObjectMapper json;
    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final int threads;
    private final Duration retryAfter;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rescreen");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Re-screens failed in a row; the wait before the next try doubles with each. */
    private int failures;
    /** The packs the stored listings were last judged by: moved on only by a re-screen that finished. */
    private volatile RulePacks screened;

    /**
     * @param checksOver a check service judging with given packs, without a check log (as previews do)
     * @param limit      the most stored listings judged again
     * @param window     how far back the check log counts as stored listings
     * @param retryAfter the wait before a failed re-screen is tried again (doubling with each failure, up to 30 min)
     */
    public Rescreener(Supplier<RulePacks> live, Supplier<IpScreen> ip,
                      BiFunction<Supplier<RulePacks>, Supplier<IpScreen>, CheckService> checksOver, BatchStore batches,
                      CheckLog checkLog, Rescreens store, ObjectMapper json, Clock clock, int limit, Duration window, int threads,
                      Duration retryAfter) {
        this.live = live;
        this.ip = ip;
        this.checksOver = checksOver;
        this.batches = batches;
        this.checkLog = checkLog;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
        this.threads = threads;
        this.retryAfter = retryAfter;
    }

    /** The packs the stored listings stand judged by now (at start: the packs loaded). */
    public void baseline(RulePacks packs) {
        screened = packs;
    }

    /**
     * Packs were swapped: a re-screen is queued unless one that has not started yet will see this change too. One
     * that fails (the database is down) is tried again later against the same packs as before, so no change goes
     * unscreened.
     */
    public void packsChanged() {
        if (queued.compareAndSet(false, true)) {
            worker.submit(this::runQueued);
        }
    }

    private void runQueued() {
        queued.set(false);
        try {
            rescreen();
            failures = 0;
        } catch (RuntimeException | SQLException e) {
            Duration wait = retryAfter.multipliedBy(1L << Math.min(failures, 10));
            wait = wait.compareTo(Duration.ofMinutes(30)) > 0 ? Duration.ofMinutes(30) : wait;
            failures++;
            log.warn("re-screen failed, tried again in {} s: {}", wait.toSeconds(), e.toString());
            if (!worker.isShutdown()) {
                worker.schedule(this::packsChanged, wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Runs a re-screen now, on the calling thread, against what changed since the last; empty when nothing did. */
    public java.util.Optional<Rescreens.Run> rescreen() throws SQLException {
        RulePacks before = screened;
        RulePacks after = live.get();
        if (before == null || after == null) {
            screened = after;
            return java.util.Optional.empty();
        }
        Map<String, String> changed = changedMarkets(before, after);
        if (changed.isEmpty()) {
            return java.util.Optional.empty();
        }
        Rescreens.Run run = new Rescreens.Run(UUID.randomUUID().toString(), "running", List.copyOf(changed.keySet()), changed,
                clock.instant(), null, 0, 0);
        store.start(run);
        try {
            return java.util.Optional.of(judgeAgain(run, before, after, changed));
        } catch (SQLException | RuntimeException e) {
            try {
                store.finish(run.rescreenId(), "failed", clock.instant(), 0, List.of());
            } catch (SQLException | RuntimeException alsoDown) {
                e.addSuppressed(alsoDown); // the run stays "running" in the record; the retry starts a new one
            }
            throw e;
        }
    }

    private Rescreens.Run judgeAgain(Rescreens.Run run, RulePacks before, RulePacks after, Map<String, String> changed)
            throws SQLException {
        List<Stored> listings = stored(after, changed.keySet());
        List<Judged> was = judge(before, listings);
        List<Judged> now = judge(after, listings);
        List<Rescreens.Change> changes = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            Judged a = was.get(i);
            Judged b = now.get(i);
            if (a != null && b != null && !a.decision().equals(b.decision())) {
                Stored s = listings.get(i);
                changes.add(new Rescreens.Change(run.rescreenId(), s.sellerId(), s.key(), s.source(), s.request().product().title(),
                        a.decision(), b.decision(), minus(b.rules(), a.rules()), minus(a.rules(), b.rules())));
            }
        }
        Instant end = clock.instant();
        store.finish(run.rescreenId(), "done", end, listings.size(), changes);
        screened = after;
        log.info("re-screen {} after {} changed: {} stored listings judged again, {} decisions changed",
                run.rescreenId(), changed.keySet(), listings.size(), changes.size());
        return store.find(run.rescreenId()).orElse(run);
    }

    /** Markets whose pack was rebuilt, added or removed, with the version now live ("removed" when gone). */
    static Map<String, String> changedMarkets(RulePacks before, RulePacks after) {
        Map<String, RulePack> was = new TreeMap<>();
        before.all().forEach(p -> was.put(p.market(), p));
        Map<String, String> out = new TreeMap<>();
        for (RulePack p : after.all()) {
            if (was.remove(p.market()) != p) {
                out.put(p.market(), p.version());
            }
        }
        was.keySet().forEach(m -> out.put(m, "removed"));
        return out;
    }

    private record Stored(String sellerId, String key, String source, CheckRequest request) {
    }

    private record Judged(String decision, Set<String> rules) {
    }

    /** The stored listings one of the changed packs judges: the check log's latest first, then the batches' catalogues. */
    private List<Stored> stored(RulePacks after, Set<String> markets) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        Map<String, Stored> out = new LinkedHashMap<>();
        for (CheckLog.Listing r : checkLog.listingsSince(clock.instant().minus(window), limit)) {
            String key = r.submissionId() != null ? r.submissionId() : "check:" + r.checkId();
            add(out, after, markets, r.sellerId(), key, "check " + r.checkId(), r.request(), today);
        }
        for (BatchStore.Item i : batches.catalogue(limit)) {
            add(out, after, markets, i.sellerId(), i.submissionId(), "batch", i.request(), today);
        }
        return new ArrayList<>(out.values()).subList(0, Math.min(limit, out.size()));
    }

    private void add(Map<String, Stored> out, RulePacks after, Set<String> markets, String sellerId, String key, String source,
                     String requestJson, LocalDate today) {
        if (out.containsKey(sellerId + "\n" + key)) {
            return;
        }
        try {
            CheckRequest r = json.readValue(requestJson, CheckRequest.class);
            if (after.judgedByAny(r.targetCountries(), markets)) {
                CheckRequest asOfToday = new CheckRequest(r.submissionId(), r.seller(), r.product(), r.targetCountries(),
                        new CheckRequest.Options(r.options().ipCheck(), r.options().locale(), today));
                out.put(sellerId + "\n" + key, new Stored(sellerId, key, source, asOfToday));
            }
        } catch (JsonProcessingException e) {
            log.warn("stored listing {} of {} is not readable, left out of the re-screen", key, sellerId);
        }
    }

    /** Each listing's decision and rules under the packs, on low-priority threads; null where a listing failed. */
    private List<Judged> judge(RulePacks packs, List<Stored> listings) {
        Judged[] out = new Judged[listings.size()];
        List<BatchRow> rows = new ArrayList<>(listings.size());
        for (int i = 0; i < listings.size(); i++) {
            rows.add(new BatchRow(i, listings.get(i).request(), null));
        }
        BatchJob job = new BatchJob(checksOver.apply(() -> packs, ip), threads);
        try {
            job.run("rescreen", rows, new Progress(rows.size(), 0), new BatchJob.Sink() {
                @Override
                public void checked(BatchRow row, Verdict v) {
                    Set<String> rules = new HashSet<>();
                    v.findings().forEach(f -> rules.add(f.ruleId()));
                    out[row.line()] = new Judged(v.decision().name(), rules);
                }

                @Override
                public void refused(BatchRow row, String problem) {
                    // left null: a listing neither side could judge is not reported as changed
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("re-screen interrupted", e);
        }
        return java.util.Arrays.asList(out);
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        TreeSet<String> s = new TreeSet<>(a);
        s.removeAll(b);
        return List.copyOf(s);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
