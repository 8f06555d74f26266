package preflight.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import preflight.batch.BatchInput;
import preflight.batch.BatchJob;
import preflight.batch.BatchRow;
import preflight.batch.Progress;
import preflight.bench.BatchBenchmark;
import preflight.check.CheckService;
import preflight.check.Verdict;
import preflight.http.CheckRequestParser;
import preflight.http.Json;
import preflight.rollout.PackFiles;

/**
 * The bounded re-screen as a Flink job at parallelism 1 and 2, beside the service's batch path (the same listings
 * read, checked and written as JSON Lines by {@link BatchJob} on 1 and 2 threads), in one run of several rounds,
 * with the medians compared. Rules and the marks
 * lexicon on; packs are compiled before the clock starts on both sides. The job's rate is taken from the checks
 * themselves, over the second half of the listings by the time the check operator took them: the embedded
 * cluster's start, each task's pack compilation and the JIT's first meeting with the packs' generated classes are
 * left out, as the batch path leaves them to its warm-up pass.
 */
final class FlinkBenchmark {

    static final List<String> MARKETS = List.of("US", "DE", "UK", "JP", "FR");

    private FlinkBenchmark() {
    }

    static int run(int listings, int rounds) throws Exception {
        ObjectMapper json = Json.mapper();
        Path work = Files.createTempDirectory("preflight-flink-bench");
        Path input = work.resolve("catalogue.jsonl");
        List<ObjectNode> golden = BatchBenchmark.goldenListings(Path.of("test-cases"), MARKETS);
        try (BufferedWriter w = Files.newBufferedWriter(input)) {
            for (ObjectNode n : BatchBenchmark.catalogue(golden, listings, json)) {
                w.write(json.writeValueAsString(n));
                w.newLine();
            }
        }
        PackSnapshot packs = PackSnapshot.read("bench", Path.of("rules"), Path.of("country-regulations"));
        System.out.printf(Locale.ROOT, "catalogue: %,d golden listings to %s; rules and the marks lexicon on; %d rounds%n",
                listings, MARKETS, rounds);

        CheckEngine engine = new CheckEngine(false);
        engine.apply(packs);
        batchPath(engine.checks(), input, work.resolve("warm-up.jsonl"), 2); // the JIT's pass
        // the four measurements in turn, round after round: a machine that slows down for a while slows all four
        double[][] rate = new double[4][rounds];
        for (int r = 0; r < rounds; r++) {
            rate[0][r] = batchPath(engine.checks(), input, work.resolve("batch-1.jsonl"), 1);
            rate[1][r] = job(packs, input, work.resolve("job-1-" + r), 1);
            rate[2][r] = batchPath(engine.checks(), input, work.resolve("batch-2.jsonl"), 2);
            rate[3][r] = job(packs, input, work.resolve("job-2-" + r), 2);
            System.out.printf(Locale.ROOT, "round %d: batch path %,.0f / %,.0f listings/s, Flink job %,.0f / %,.0f listings/s (1 / 2)%n",
                    r + 1, rate[0][r], rate[2][r], rate[1][r], rate[3][r]);
        }
        PackFiles.deleteTree(work); // the verdicts written: about 250 MB a pass
        double batch1 = median(rate[0]);
        double job1 = median(rate[1]);
        double batch2 = median(rate[2]);
        double job2 = median(rate[3]);
        System.out.printf(Locale.ROOT, "median batch path (read, check, write JSON Lines): 1 thread %,.0f listings/s, 2 threads %,.0f listings/s%n",
                batch1, batch2);
        System.out.printf(Locale.ROOT, "median Flink job (embedded cluster, file in, files out): parallelism 1 %,.0f listings/s, parallelism 2 %,.0f listings/s%n",
                job1, job2);
        System.out.printf(Locale.ROOT, "parallelism 2 / parallelism 1: %.2f (goal at least 1.6)%n", job2 / job1);
        System.out.printf(Locale.ROOT, "job / batch path: %.2f at 1, %.2f at 2 (goal at least 0.80)%n", job1 / batch1, job2 / batch2);
        return 0;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double batchPath(CheckService checks, Path input, Path output, int threads) throws Exception {
        ObjectMapper json = Json.mapper();
        long t0 = System.nanoTime();
        List<BatchRow> rows;
        try (InputStream in = Files.newInputStream(input)) {
            rows = new BatchInput(new CheckRequestParser(Clock.systemUTC()), json, Integer.MAX_VALUE, Long.MAX_VALUE).read(in, BatchInput.Format.JSONL);
        }
        try (BufferedWriter w = Files.newBufferedWriter(output)) {
            new BatchJob(checks, threads).run("bench", rows, new Progress(rows.size(), 0), new BatchJob.Sink() {
                @Override
                public void checked(BatchRow row, Verdict v) {
                    try {
                        String line = json.writeValueAsString(v);
                        synchronized (w) {
                            w.write(line);
                            w.newLine();
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public void refused(BatchRow row, String problem) {
                }
            });
        }
        return rows.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static double job(PackSnapshot packs, Path input, Path output, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().enableObjectReuse(); // no function keeps a record it was given
        env.setParallelism(parallelism);
        env.enableCheckpointing(60_000);
        var lines = env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new org.apache.flink.core.fs.Path(input.toUri())).build(), WatermarkStrategy.noWatermarks(), "listings");
        CheckJob.check(lines, env.fromData(List.of(packs)).returns(PackSnapshot.class), packs, false, parallelism)
                .sinkTo(CheckJob.verdictFiles(output)).setParallelism(parallelism);
        env.execute("preflight bench p" + parallelism);
        List<Long> at = new ArrayList<>();
        ObjectMapper json = Json.mapper();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readAllLines(f)) {
                    at.add(json.readTree(line).path("checkedAt").asLong());
                }
            }
        }
        // the second half of the listings, by when they were checked: each task compiled packs of its own, whose
        // generated classes the JIT meets cold, as the batch path's were met in its warm-up pass
        PackFiles.deleteTree(output);
        java.util.Collections.sort(at);
        int half = at.size() / 2;
        return (at.size() - half) / Math.max(0.001, (at.get(at.size() - 1) - at.get(half)) / 1000.0);
    }
}
