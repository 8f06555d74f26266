package preflight.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import preflight.Preflight;
import preflight.batch.BatchInput;
import preflight.batch.BatchJob;
import preflight.batch.BatchRow;
import preflight.batch.Catalogue;
import preflight.batch.CatalogueSummary;
import preflight.batch.Progress;
import preflight.check.Verdict;
import preflight.http.Json;
import preflight.report.CatalogueReport;
import preflight.report.ReportText;
import preflight.rules.UnableToCompilePackException;

/**
 * {@code preflight check --batch FILE [--out RESULTS.jsonl] [--report REPORT.html] [--locale en|zh]}: a catalogue
 * (JSON Lines or CSV, by the file's extension) checked in process, with a progress bar; results in line order.
 */
final class BatchCheckCommand {

    private static final String USAGE = "usage: preflight check --batch FILE.jsonl|FILE.csv [--out RESULTS.jsonl] [--report REPORT.html] [--locale en|zh]";

    private final Preflight app;
    private final PrintStream err;

    BatchCheckCommand(Preflight app, PrintStream err) {
        this.app = app;
        this.err = err;
    }

    int run(String[] args) throws IOException, InterruptedException {
        Map<String, String> opts = new HashMap<>();
        String file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length && List.of("--out", "--report", "--locale").contains(args[i])) {
                opts.put(args[i], args[++i]);
            } else if (file == null && !args[i].startsWith("--")) {
                file = args[i];
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        String locale = opts.getOrDefault("--locale", "en");
        if (file == null || !ReportText.LOCALES.contains(locale)) {
            err.println(USAGE);
            return 2;
        }
        String name = file.toLowerCase(Locale.ROOT);
        BatchInput.Format format = name.endsWith(".csv") ? BatchInput.Format.CSV : BatchInput.Format.JSONL;
        ObjectMapper json = Json.mapper();
        var limits = app.settings().catalogues();
        List<BatchRow> rows;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            rows = new BatchInput(app.parser(), json, limits.maxRows(), limits.maxBytes()).read(in, format);
        } catch (IOException | BatchInput.TooLargeException | BatchInput.BadHeaderException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        }
        try {
            app.loadPacks();
        } catch (UnableToCompilePackException e) {
            e.problems().forEach(err::println);
            return 1;
        }
        CatalogueSummary summary = new CatalogueSummary(rows.size());
        Progress progress = new Progress(rows.size(), 0);
        String out = opts.get("--out");
        try (OutputStream sink = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(Path.of(out)), 1 << 16)) {
            InOrder results = new InOrder(sink, json, rows);
            Thread bar = new Thread(() -> progressBar(progress), "progress");
            bar.setDaemon(true);
            bar.start();
            new BatchJob(app.checks(), limits.threads()).run("batch", rows, progress, summary.counting(results));
            bar.interrupt();
            bar.join();
        }
        Catalogue c = summary.snapshot();
        err.printf(Locale.ROOT, "%n%d listings: %d BLOCK, %d WARN, %d PASS, %d not checked; %.0f listings/s%n", c.listings(),
                c.decisions().getOrDefault("BLOCK", 0), c.decisions().getOrDefault("WARN", 0), c.decisions().getOrDefault("PASS", 0),
                c.refused(), progress.rate());
        String source = file;
        c.problems().stream().limit(20).forEach(p -> err.println(source + ":" + p.line() + ": " + p.problem()));
        if (opts.containsKey("--report")) {
            Files.writeString(Path.of(opts.get("--report")), new CatalogueReport().render(Path.of(file).getFileName().toString(), "done",
                    c, ReportText.of(locale), "#"), StandardCharsets.UTF_8);
            err.println("catalogue report: " + opts.get("--report"));
        }
        return 0;
    }

    /** Redraws one line on the terminal a few times a second; elsewhere (a log, CI) a line every five seconds. */
    private void progressBar(Progress p) {
        boolean terminal = System.console() != null;
        try {
            while (true) {
                draw(p, terminal);
                if (p.done() >= p.total()) {
                    return;
                }
                Thread.sleep(terminal ? 200 : 5000);
            }
        } catch (InterruptedException e) {
            draw(p, terminal);
        }
    }

    private void draw(Progress p, boolean terminal) {
        int width = 30;
        double share = p.total() == 0 ? 1 : (double) p.done() / p.total();
        int filled = (int) Math.round(share * width);
        String eta = p.eta() == null ? "?" : p.eta().toSeconds() + "s";
        err.printf(Locale.ROOT, "%s[%s%s] %3.0f%% %,d/%,d  %,.0f/s  eta %s%s", terminal ? "\r" : "", "#".repeat(filled),
                "-".repeat(width - filled), share * 100, p.done(), p.total(), p.rate(), eta, terminal ? "" : "\n");
        err.flush();
    }

    /** Writes results in line order as they come from the workers, holding back only those that overtook others. */
    private static final class InOrder implements BatchJob.Sink {
        private final OutputStream out;
        private final ObjectMapper json;
        private final int[] order;
        private final Map<Integer, byte[]> waiting = new HashMap<>();
        private int next;

        InOrder(OutputStream out, ObjectMapper json, List<BatchRow> rows) {
            this.out = out;
            this.json = json;
            this.order = rows.stream().mapToInt(BatchRow::line).toArray();
        }

        @Override
        public void checked(BatchRow row, Verdict v) {
            ObjectNode line = json.createObjectNode();
            line.put("line", row.line());
            line.put("decision", v.decision().name());
            line.set("verdict", json.valueToTree(v));
            add(row, line);
        }

        @Override
        public void refused(BatchRow row, String problem) {
            ObjectNode line = json.createObjectNode();
            line.put("line", row.line());
            line.put("problem", problem);
            add(row, line);
        }

        private void add(BatchRow row, ObjectNode line) {
            try {
                byte[] bytes = json.writeValueAsBytes(line);
                synchronized (this) {
                    waiting.put(row.line(), bytes);
                    while (next < order.length && waiting.containsKey(order[next])) {
                        out.write(waiting.remove(order[next++]));
                        out.write('\n');
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
