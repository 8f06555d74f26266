package preflight.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import preflight.check.CheckRequest;
import preflight.check.CheckService;
import preflight.reload.PackReloader;

/**
 * Hot reload under load: two threads fire checks without pause while packs are reloaded several times
 * (the packs named recompiled with those built on them, their golden cases run, the new packs warmed up
 * and swapped in), as after an officer's edit to them. Prints failed checks and latency before and during
 * the reloads.
 */
public final class ReloadBenchmark {

    private ReloadBenchmark() {
    }

    public static List<String> run(CheckService checks, PackReloader reloader, List<CheckRequest> requests, int reloads,
                                   int baselineSeconds, java.util.Set<String> edited) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean reloading = new AtomicBoolean(false);
        AtomicLong failures = new AtomicLong();
        long[][] before = new long[2][2_000_000];
        long[][] during = new long[2][2_000_000];
        int[][] counts = new int[2][2];
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                int i = id;
                while (running.get()) {
                    CheckRequest r = requests.get(i++ % requests.size());
                    boolean inReload = reloading.get();
                    long t0 = System.nanoTime();
                    try {
                        checks.check(r);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                    long nanos = System.nanoTime() - t0;
                    long[] into = inReload ? during[id] : before[id];
                    int slot = inReload ? 1 : 0;
                    if (counts[id][slot] < into.length) {
                        into[counts[id][slot]++] = nanos;
                    }
                }
            }, "reload-bench-" + w);
            t.start();
            workers.add(t);
        }
        Thread.sleep(baselineSeconds * 1000L);
        long reloadNanos = 0;
        for (int k = 0; k < reloads; k++) {
            reloading.set(true);
            long t0 = System.nanoTime();
            reloader.reload(edited);
            reloadNanos += System.nanoTime() - t0;
            reloading.set(false);
            Thread.sleep(1000);
        }
        running.set(false);
        for (Thread t : workers) {
            t.join();
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "hot reload under load, as after an edit to %s: %d reloads, %.1f s each on average; %d failed checks",
                edited, reloads, reloadNanos / 1e9 / reloads, failures.get()));
        out.add("  checks before the reloads: " + merge(before, counts, 0));
        out.add("  checks during the reloads: " + merge(during, counts, 1));
        return out;
    }

    private static Percentiles merge(long[][] samples, int[][] counts, int slot) {
        int n = counts[0][slot] + counts[1][slot];
        long[] all = new long[n];
        System.arraycopy(samples[0], 0, all, 0, counts[0][slot]);
        System.arraycopy(samples[1], 0, all, counts[0][slot], counts[1][slot]);
        return Percentiles.of(all, n);
    }
}
