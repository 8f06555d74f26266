package preflight.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A soak: checks at a steady rate against a server in another process for many minutes, while a pack is
 * edited (and so reloaded) every minute and the database goes away once. Latency is measured from when
 * each request was due, not when it was sent, so a stalled server cannot hide its stall. Prints a line a
 * minute (throughput, percentiles, errors, the server's resident memory) and a summary.
 */
public final class Soak {

    /**
     * @param dbDownAt   when the database goes away (null: it stays up)
     * @param dbDownFor  for how long
     */
    public record Plan(Duration length, int rate, Duration reloadEvery, Duration dbDownAt, Duration dbDownFor) {
    }

    /** What the server needs to be driven: its address, its process, its rules folder, the database's proxy. */
    public record Target(String base, long pid, Path rulesDir, FlakyProxy database) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Plan plan;
    private final Target target;
    private final List<String> bodies;
    private final Consumer<String> out;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger reloadsSeen = new AtomicInteger();

    public Soak(Plan plan, Target target, List<String> bodies, Consumer<String> out) {
        this.plan = plan;
        this.target = target;
        this.bodies = bodies;
        this.out = out;
    }

    /** Runs the soak; returns true when the goals held (no errors, p99 under 10 ms, memory within 10 %). */
    public boolean run() throws Exception {
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / plan.rate();
        int minutes = (int) plan.length().toMinutes();
        Window[] windows = new Window[minutes];
        for (int i = 0; i < minutes; i++) {
            windows[i] = new Window(plan.rate() * 66);
        }
        long[] rss = new long[minutes + 1];
        rss[0] = rssKb();
        Thread chores = new Thread(() -> chores(start), "soak-chores");
        chores.setDaemon(true);
        chores.start();
        out.accept(String.format(Locale.ROOT, "soak: %d checks/s for %d min, a pack edit every %d s, the database away for %d s at minute %s;"
                        + " server RSS at start %d MB", plan.rate(), minutes, plan.reloadEvery().toSeconds(),
                plan.dbDownFor().toSeconds(), plan.dbDownAt() == null ? "-" : plan.dbDownAt().toMinutes(), rss[0] / 1024));
        long end = start + plan.length().toNanos();
        int lastMinute = 0;
        for (long i = 0; ; i++) {
            long due = start + i * intervalNanos;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int minute = (int) ((due - start) / 60_000_000_000L);
            if (minute > lastMinute) {
                rss[lastMinute + 1] = rssKb();
                report(lastMinute, windows[lastMinute], rss[lastMinute + 1]);
                lastMinute = minute;
            }
            send(due, windows[minute], i);
        }
        Thread.sleep(3000); // the last answers
        rss[minutes] = rssKb();
        report(minutes - 1, windows[minutes - 1], rss[minutes]);
        chores.interrupt();
        return summary(windows, rss);
    }

    private void send(long due, Window w, long i) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(target.base() + "/v1/checks")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.get((int) (i % bodies.size())))).build();
        client.sendAsync(r, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, e) -> {
            long nanos = System.nanoTime() - due;
            if (e != null || resp.statusCode() != 200) {
                errors.incrementAndGet();
                w.errors.incrementAndGet();
                if (errorSamples.size() < 10) {
                    errorSamples.add(e != null ? e.toString() : resp.statusCode() + " " + resp.body());
                }
            } else {
                w.add(nanos);
            }
        });
    }

    /** Every reloadEvery a pack edit; once, the database away. Runs beside the load. */
    private void chores(long start) {
        long nextReload = start + plan.reloadEvery().toNanos();
        boolean dbDone = plan.dbDownAt() == null || target.database() == null;
        int edits = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                if (now >= nextReload) {
                    edits++;
                    String version = "2026.99." + edits;
                    editPack(version);
                    awaitLive(version, edits);
                    nextReload += plan.reloadEvery().toNanos();
                }
                if (!dbDone && now - start >= plan.dbDownAt().toNanos()) {
                    out.accept("  database away (connections cut, new ones refused)");
                    target.database().down();
                    Thread.sleep(plan.dbDownFor().toMillis());
                    target.database().up();
                    out.accept("  database back");
                    dbDone = true;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            out.accept("  chores stopped: " + e);
        }
    }

    private void editPack(String version) throws IOException {
        Path yaml = target.rulesDir().resolve("US/pack.yaml");
        String text = Files.readString(yaml).replaceAll("(?m)^version:.*$", "version: " + version);
        Files.writeString(yaml, text);
    }

    private void awaitLive(String version, int edit) throws InterruptedException {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 60_000_000_000L) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(target.base() + "/v1/rule-packs/US")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (JSON.readTree(r.body()).path("live").path("version").asText().equals(version)) {
                    reloadsSeen.incrementAndGet();
                    out.accept(String.format(Locale.ROOT, "  pack edit %d: US %s live after %.1f s", edit, version,
                            (System.nanoTime() - t0) / 1e9));
                    return;
                }
            } catch (IOException e) {
                // counted by the load if the server is really gone
            }
            Thread.sleep(250);
        }
        out.accept("  pack edit " + edit + ": US " + version + " not live after 60 s");
    }

    private void report(int minute, Window w, long rssKb) {
        Percentiles p = w.percentiles();
        out.accept(String.format(Locale.ROOT, "  minute %2d: %6d checks (%.0f/s), p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms,"
                        + " %d errors, RSS %d MB", minute + 1, p.count(), p.count() / 60.0, p.p50Ms(), p.p99Ms(), p.p999Ms(),
                p.maxMs(), w.errors.get(), rssKb / 1024));
    }

    private boolean summary(Window[] windows, long[] rss) {
        // minute 1 warms the JIT up: the summary and the memory baseline start after it
        int total = 0;
        for (int i = 1; i < windows.length; i++) {
            total += windows[i].count.get();
        }
        long[] all = new long[total];
        int at = 0;
        for (int i = 1; i < windows.length; i++) {
            int n = Math.min(windows[i].count.get(), windows[i].nanos.length);
            System.arraycopy(windows[i].nanos, 0, all, at, n);
            at += n;
        }
        Percentiles p = Percentiles.of(all, at);
        double growth = 100.0 * (rss[rss.length - 1] - rss[1]) / rss[1];
        out.accept(String.format(Locale.ROOT, "soak after minute 1: %d checks, %.0f/s; p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms;"
                        + " %d errors in all; pack edits live %d; RSS %d MB after minute 1, %d MB at the end (%+.1f %%)",
                p.count(), p.count() / ((windows.length - 1) * 60.0), p.p50Ms(), p.p99Ms(), p.p999Ms(), errors.get(),
                reloadsSeen.get(), rss[1] / 1024, rss[rss.length - 1] / 1024, growth));
        errorSamples.forEach(e -> out.accept("  error: " + e.lines().findFirst().orElse("")));
        boolean ok = errors.get() == 0 && p.p99Ms() < 10 && growth <= 10;
        out.accept(ok ? "soak: goals held (no errors, p99 under 10 ms, memory within 10 %)" : "soak: a goal was missed");
        return ok;
    }

    private long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + target.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** One minute's latencies. */
    private static final class Window {
        final long[] nanos;
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong errors = new AtomicLong();

        Window(int capacity) {
            nanos = new long[capacity];
        }

        void add(long n) {
            int i = count.getAndIncrement();
            if (i < nanos.length) {
                nanos[i] = n;
            }
        }

        Percentiles percentiles() {
            int n = Math.min(count.get(), nanos.length);
            return Percentiles.of(Arrays.copyOf(nanos, n), n);
        }
    }
}
