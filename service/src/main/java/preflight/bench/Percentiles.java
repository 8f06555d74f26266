package preflight.bench;

import java.util.Arrays;

/** Latency percentiles from recorded nanosecond samples. */
public record Percentiles(int count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {

    public static Percentiles of(long[] nanos, int count) {
        long[] s = Arrays.copyOf(nanos, count);
        Arrays.sort(s);
        return new Percentiles(count, ms(s, 0.50), ms(s, 0.90), ms(s, 0.99), ms(s, 0.999),
                count == 0 ? 0 : s[count - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms",
                count, p50Ms, p90Ms, p99Ms, p999Ms, maxMs);
    }
}
