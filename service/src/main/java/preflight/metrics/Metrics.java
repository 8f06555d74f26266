package preflight.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import preflight.check.Verdict;
import preflight.db.CheckLogWriter;
import preflight.ip.CachedClassifier;
import preflight.ip.IpClassifier;
import preflight.reload.PackReloader;
import preflight.rules.Finding;
import preflight.rules.RulePacks;

/**
 * What the service does, for Prometheus ({@code GET /metrics}): requests by route and status with latency
 * histograms, checks by decision, findings by rule and market, IP classifier calls and timings by the
 * implementation that answered, classifier cache hits, pack reloads and the live versions, the check log's
 * buffer and write failures, and the JVM's basics.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MultiGauge packs;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        packs = MultiGauge.builder("preflight.pack.loaded").description("1 for each live pack, tagged with its version")
                .register(registry);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    public void httpRequest(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests").tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentileHistogram().serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(10))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A check answered: its decision, and each finding by rule and country. */
    public void check(Verdict v) {
        Counter.builder("preflight.checks").tag("decision", v.decision().name()).register(registry).increment();
        for (Finding f : v.findings()) {
            Counter.builder("preflight.findings").tags("rule", f.ruleId(), "country", f.country()).register(registry).increment();
        }
    }

    /** Checks waiting for an evaluator. */
    public void checksWaiting(java.util.function.IntSupplier waiting) {
        Gauge.builder("preflight.checks.waiting", waiting::getAsInt).register(registry);
    }

    /** A check turned away: the queue of checks waiting for an evaluator was full, or the wait too long. */
    public void checkRejected(String reason) {
        Counter.builder("preflight.checks.rejected").tag("reason", reason).register(registry).increment();
    }

    /** A reload: accepted and refused packs counted per market; the live versions as a gauge. */
    public void reload(PackReloader.Report r, RulePacks live) {
        r.accepted().forEach(m -> Counter.builder("preflight.pack.reloads").tags("market", m, "outcome", "accepted").register(registry).increment());
        r.rejected().forEach(m -> Counter.builder("preflight.pack.reloads").tags("market", m, "outcome", "refused").register(registry).increment());
        packsLive(live);
    }

    public void packsLive(RulePacks live) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        live.all().forEach(p -> rows.add(MultiGauge.Row.of(Tags.of("market", p.market(), "version", p.version()), 1)));
        packs.register(rows, true);
    }

    /** The check log's buffer: records waiting, written, dropped, failed writes. */
    public void checkLog(Supplier<CheckLogWriter.Status> status) {
        Gauge.builder("preflight.checklog.pending", () -> status.get().pending()).register(registry);
        FunctionCounter.builder("preflight.checklog.written", status, s -> s.get().written()).register(registry);
        FunctionCounter.builder("preflight.checklog.dropped", status, s -> s.get().dropped()).register(registry);
        FunctionCounter.builder("preflight.checklog.write.failures", status, s -> s.get().failedWrites()).register(registry);
    }

    /** The classifier, timed by the implementation that answered; its caches' hits and misses counted. */
    public IpClassifier metered(IpClassifier classifier) {
        if (classifier == null) {
            return null;
        }
        caches(classifier);
        return new MeteredClassifier(classifier, registry);
    }

    private void caches(IpClassifier c) {
        if (c instanceof CachedClassifier cache) {
            FunctionCounter.builder("preflight.ip.classifier.cache", cache, CachedClassifier::hits)
                    .tags("classifier", cache.name(), "result", "hit").register(registry);
            FunctionCounter.builder("preflight.ip.classifier.cache", cache, CachedClassifier::misses)
                    .tags("classifier", cache.name(), "result", "miss").register(registry);
        }
        c.parts().forEach(this::caches);
    }

    public void close() {
        gc.close();
        registry.close();
    }
}
