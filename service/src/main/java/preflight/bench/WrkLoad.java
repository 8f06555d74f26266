package preflight.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * HTTP load from a second process: wrk, closed loop, on loopback only, bounded in time. Bodies are
 * replayed in turn from a JSONL file; figures come back from the script's summary line.
 */
public final class WrkLoad {

    /** Throughput and latency of one run; latencies in milliseconds. */
    public record Result(String name, double requestsPerSecond, long requests, long errors, double p50Ms,
                         double p90Ms, double p99Ms, double p999Ms, double maxMs) {
        @Override
        public String toString() {
            return String.format("%-16s %8.0f req/s  errors=%d  n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms",
                    name, requestsPerSecond, errors, requests, p50Ms, p90Ms, p99Ms, p999Ms, maxMs);
        }
    }

    private WrkLoad() {
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** GET {@code path} when bodies is empty, else POST each body in turn. */
    public static Result run(String name, String base, String path, List<String> bodies, int connections,
                             Duration duration) throws IOException, InterruptedException {
        Path script = Files.createTempFile("preflight-load", ".lua");
        Path data = Files.createTempFile("preflight-bodies", ".jsonl");
        try (InputStream in = WrkLoad.class.getResourceAsStream("/bench/load.lua")) {
            Files.write(script, in.readAllBytes());
            Files.write(data, bodies, StandardCharsets.UTF_8);
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                    "-s", script.toString(), base + path, "--", bodies.isEmpty() ? "GET" : data.toString(), path)
                    .redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            for (String line : out.split("\n")) {
                if (line.startsWith("PREFLIGHT ")) {
                    String[] f = line.trim().split(" ");
                    long requests = Long.parseLong(f[1]);
                    double seconds = Long.parseLong(f[2]) / 1e6;
                    return new Result(name, requests / seconds, requests, Long.parseLong(f[3]), ms(f[4]), ms(f[5]),
                            ms(f[6]), ms(f[7]), ms(f[8]));
                }
            }
            throw new IOException("wrk gave no summary:\n" + out);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(data);
        }
    }

    private static double ms(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }
}
