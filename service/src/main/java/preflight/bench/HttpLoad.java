package preflight.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop HTTP load generator: {@code connections} threads, each sending its next request as soon
 * as the previous one answers, for a fixed time. Bounded in time and aimed only at the given URL.
 */
public final class HttpLoad {

    private HttpLoad() {
    }

    public record Result(String name, double requestsPerSecond, int errors, Percentiles latency) {
        @Override
        public String toString() {
            return String.format("%-22s %8.0f req/s  errors=%d  %s", name, requestsPerSecond, errors, latency);
        }
    }

    public static Result run(String name, URI uri, List<String> bodies, int connections, Duration duration)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger errors = new AtomicInteger();
        List<long[]> samples = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            long[] mine = new long[300_000];
            int[] n = new int[1];
            samples.add(mine);
            counts.add(n);
            int offset = c;
            Thread t = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end && n[0] < mine.length) {
                    HttpRequest req = bodies.isEmpty()
                            ? HttpRequest.newBuilder(uri).GET().build()
                            : HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i++ % bodies.size()))).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine[n[0]++] = System.nanoTime() - t0;
                }
            }, "load-" + c);
            threads.add(t);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(n -> n[0]).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(samples.get(c), 0, all, k, counts.get(c)[0]);
            k += counts.get(c)[0];
        }
        return new Result(name, total / seconds, errors.get(), Percentiles.of(all, total));
    }
}
