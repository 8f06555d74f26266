package preflight.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import preflight.Preflight;
import preflight.bench.Percentiles;
import preflight.ip.EvalCase;
import preflight.ip.EvalSet;
import preflight.ip.Evaluation;
import preflight.ip.InvalidIpDataException;
import preflight.ip.IpClassifier;
import preflight.ip.IpClassifiers;
import preflight.ip.IpData;
import preflight.ip.IpDataLoader;
import preflight.ip.IpScreen;
import preflight.regulations.RegulationCatalog;

/**
 * {@code preflight ip validate}: load and check the marks lexicon, phrases and examples.
 * {@code preflight ip eval [--classifiers lexicon,embedded,llm] [--detail]}: precision, recall and the
 * false-positive rate on the labelled set under {@code test-cases/ip/}, per classifier.
 */
final class IpCommand {

    private final Preflight app;

    IpCommand(Preflight app) {
        this.app = app;
    }

    int run(String[] args) throws Exception {
        if (args.length < 1 || !List.of("validate", "eval").contains(args[0])) {
            System.err.println("usage: preflight ip validate | ip eval [--classifiers lexicon,embedded,llm] [--detail]");
            return 2;
        }
        IpData data;
        RegulationCatalog catalog;
        try {
            catalog = RegulationCatalog.load(app.settings().regulationsDir());
            data = new IpDataLoader().load(app.settings().ipDataDir());
            new IpScreen(data, catalog, null);
        } catch (InvalidIpDataException e) {
            e.problems().forEach(System.out::println);
            return 1;
        }
        if (args[0].equals("validate")) {
            System.out.println("ok: " + data.lexicon().marks().size() + " marks, " + data.phrases().size()
                    + " counterfeit phrases, " + data.examples().size() + " classifier examples");
            return 0;
        }
        List<String> classifiers = List.of("lexicon", "embedded");
        boolean detail = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--detail")) {
                detail = true;
            } else if (args[i].equals("--classifiers") && i + 1 < args.length) {
                classifiers = Arrays.asList(args[++i].split(","));
            } else {
                System.err.println("unknown option " + args[i]);
                return 2;
            }
        }
        List<EvalCase> cases = EvalSet.load(app.settings().testCasesDir().resolve("ip"));
        List<Evaluation> results = new ArrayList<>();
        for (String name : classifiers) {
            IpClassifier classifier = switch (name) {
                case "lexicon" -> null;
                case "embedded" -> IpClassifiers.embedded(data.examples());
                case "llm" -> IpClassifiers.llmWithFallback(app.settings().llm(), data.examples());
                default -> throw new IllegalArgumentException("classifier must be lexicon, embedded or llm: " + name);
            };
            if (classifier != null) {
                classifier.warm();
            }
            results.add(Evaluation.run(new IpScreen(data, catalog, classifier), cases));
        }
        System.out.println(cases.size() + " labelled listings from " + Path.of("test-cases", "ip") + " ("
                + cases.stream().filter(EvalCase::infringing).count() + " infringing, "
                + cases.stream().filter(c -> !c.infringing()).count() + " legitimate)");
        Evaluation.printHeader(System.out);
        results.forEach(r -> r.printRow(System.out));
        for (Evaluation r : results) {
            long[] nanos = r.outcomes().stream().mapToLong(Evaluation.Outcome::nanos).toArray();
            System.out.println("  " + r.classifier() + " per listing (first run, cold caches): " + Percentiles.of(nanos, nanos.length));
            if (detail) {
                r.printDetail(System.out);
            }
        }
        return 0;
    }
}
