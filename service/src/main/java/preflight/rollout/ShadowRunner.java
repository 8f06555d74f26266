package preflight.rollout;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import preflight.check.CheckService;
import preflight.check.CheckedListing;
import preflight.check.Verdict;
import preflight.db.PackVersion;
import preflight.db.PackVersions;
import preflight.db.ShadowVerdicts;
import preflight.ip.IpScreen;
import preflight.rules.LivePacks;
import preflight.rules.RulePack;
import preflight.rules.RulePacks;

/**
 * Shadow mode: candidates judge real traffic beside the live packs. Each live check is handed over after
 * it was answered; one background thread runs every shadowed candidate whose market the check touches and
 * stores its verdict next to the live one. The caller never waits for it and never sees it; when the
 * queue is full a check is not shadowed, and the summary counts it.
 */
public final class ShadowRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShadowRunner.class);

    private record Running(String market, Map<String, RulePack> packs) {
    }

    private final Rollout rollout;
    private final PackVersions versions;
    private final ShadowVerdicts store;
    private final LivePacks live;
    private final Supplier<IpScreen> ip;
    private final BiFunction<Supplier<RulePacks>, Supplier<IpScreen>, CheckService> checksOver;
    private final Clock clock;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final BlockingQueue<CheckedListing> queue;
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong unwritten = new AtomicLong();
    private final Thread worker;
    private volatile boolean open = true;

    public ShadowRunner(Rollout rollout, PackVersions versions, ShadowVerdicts store, LivePacks live, Supplier<IpScreen> ip,
                        BiFunction<Supplier<RulePacks>, Supplier<IpScreen>, CheckService> checksOver, Clock clock, int capacity) {
        this.rollout = rollout;
        this.versions = versions;
        this.store = store;
        this.live = live;
        this.ip = ip;
        this.checksOver = checksOver;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::work, "shadow-runner");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Shadows again what was shadowed before a restart; a version that no longer compiles stops. */
    public void resume() {
        try {
            for (PackVersion v : versions.inShadow()) {
                try {
                    running.put(v.versionId(), new Running(v.market(), rollout.packsOf(v)));
                } catch (RolloutException e) {
                    versions.setShadow(v.versionId(), false);
                    log.warn("shadow of {} {} stopped: {}", v.market(), v.version(), e.getMessage());
                }
            }
        } catch (SQLException e) {
            log.warn("shadow mode not resumed: the database did not answer ({})", e.getMessage());
        }
    }

    public PackVersion start(String market, String versionId, String actor) throws SQLException {
        PackVersion v = rollout.usable(market, versionId);
        if (!v.status().equals(PackVersion.CANDIDATE)) {
            throw RolloutException.conflict("version " + versionId + " is " + v.status() + "; only a candidate runs in shadow mode");
        }
        running.put(versionId, new Running(market, rollout.packsOf(v)));
        versions.setShadow(versionId, true);
        rollout.record(actor, "shadow-on", market, versionId, Map.of("version", v.version()));
        return versions.find(versionId).orElseThrow();
    }

    public PackVersion stop(String market, String versionId, String actor) throws SQLException {
        PackVersion v = rollout.version(market, versionId);
        running.remove(versionId);
        versions.setShadow(versionId, false);
        rollout.record(actor, "shadow-off", market, versionId, Map.of("version", v.version()));
        return versions.find(versionId).orElseThrow();
    }

    /** Stops shadowing a version that went live (the activation recorded it; it no longer differs from itself). */
    public void forget(String versionId) {
        running.remove(versionId);
    }

    /** Hands over an answered check; never blocks. */
    public void offer(CheckedListing checked) {
        if (running.isEmpty() || !open) {
            return;
        }
        if (!queue.offer(checked)) {
            skipped.incrementAndGet();
        }
    }

    /** Where the candidate's verdicts differed from the live ones, over every check it shadowed. */
    public Map<String, Object> summary(String market, String versionId) throws SQLException {
        PackVersion v = rollout.version(market, versionId);
        List<Impact.Pair> pairs = new ArrayList<>();
        for (ShadowVerdicts.ShadowVerdict s : store.of(versionId)) {
            pairs.add(new Impact.Pair(s.checkId(), null, s.liveDecision(), s.shadowDecision(), s.liveRules(), s.shadowRules()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("versionId", versionId);
        out.put("market", market);
        out.put("version", v.version());
        out.put("running", running.containsKey(versionId));
        out.put("impact", Impact.of(pairs));
        out.put("notShadowedQueueFull", skipped.get());
        out.put("notStoredDatabaseDown", unwritten.get());
        return out;
    }

    private void work() {
        // shadow checks double the rule work of a check: they must not take cores from the live ones
        preflight.reload.BackgroundThread.lowerPriority("shadow-runner");
        while (open || !queue.isEmpty()) {
            CheckedListing c;
            try {
                c = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (c == null) {
                continue;
            }
            List<ShadowVerdicts.ShadowVerdict> out = new ArrayList<>();
            for (Map.Entry<String, Running> r : running.entrySet()) {
                try {
                    shadow(c, r.getKey(), r.getValue()).ifPresent(out::add);
                } catch (RuntimeException e) {
                    log.warn("shadow check of {} failed: {}", r.getKey(), e.toString());
                }
            }
            if (!out.isEmpty()) {
                try {
                    store.write(out);
                } catch (SQLException e) {
                    unwritten.addAndGet(out.size()); // shadow verdicts are evidence, not records: counted, not retried
                }
            }
        }
    }

    private java.util.Optional<ShadowVerdicts.ShadowVerdict> shadow(CheckedListing c, String versionId, Running r) {
        RulePacks now = live.get();
        if (!now.judgedByAny(c.request().targetCountries(), r.packs().keySet())) {
            return java.util.Optional.empty();
        }
        RulePacks packs = now.with(r.packs());
        Verdict candidate = checksOver.apply(() -> packs, ip).check(c.request());
        Verdict v = c.verdict();
        return java.util.Optional.of(new ShadowVerdicts.ShadowVerdict(versionId, v.checkId(), v.decision().name(),
                candidate.decision().name(), Rollout.rules(v), Rollout.rules(candidate), clock.instant()));
    }

    @Override
    public void close() {
        open = false;
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
