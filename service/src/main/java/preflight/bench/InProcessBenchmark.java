package preflight.bench;

import java.util.List;
import preflight.check.CheckRequest;
import preflight.check.CheckService;

/** Times {@link CheckService#check} on one thread, in this JVM, after a warm-up. */
public final class InProcessBenchmark {

    private InProcessBenchmark() {
    }

    public static String run(CheckService checks, List<CheckRequest> requests, int iterations) {
        for (int i = 0; i < iterations / 2; i++) {
            checks.check(requests.get(i % requests.size()));
        }
        long[] nanos = new long[iterations];
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            checks.check(requests.get(i % requests.size()));
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("in-process check (%d listings, 1 thread): %s, %.0f checks/s",
                requests.size(), Percentiles.of(nanos, iterations), iterations / seconds);
    }
}
