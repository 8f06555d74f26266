package preflight.cli;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import preflight.Preflight;
import preflight.config.Settings;

/** {@code preflight <command>}: a thin shell over the library, one class per verb. */
public final class Main {

    private static final String USAGE = """
            usage: preflight <command>
              serve                          serve the API (PREFLIGHT_PORT, default 8080)
              check FILE.json                run one check request and print the verdict
              check --batch FILE [--out RESULTS.jsonl] [--report REPORT.html] [--locale en|zh]
                                             check a catalogue (JSON Lines or .csv) with a progress bar
              rules validate [MARKET]        compile packs, check metadata and citations (file:line: message)
              rules test [MARKET]            run the golden cases under test-cases/
              rules coverage [MARKET]        rules per market and area, and regulations no rule cites
              rules explain FILE.json        run one listing; for every rule that fired, its condition and the facts
              rules translations [MARKET|ip] [--stamp]
                                             Chinese translations made from other English; --stamp marks them checked
              ip validate                    check the marks lexicon, counterfeit phrases and classifier examples
              ip eval [--classifiers lexicon,embedded,llm] [--detail]
                                             precision and recall of the IP screen on test-cases/ip/
              bench [--seconds N] [--markets US,DE,...]  in-process and HTTP latency and throughput
              bench --reloads N [--seconds S]   checks from two threads while the packs reload N times
              soak [--minutes 10] [--rate 300]  a server under steady load, a pack edit a minute, the database away once
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            return 2;
        }
        Settings settings;
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        if (!List.of("serve", "bench", "soak").contains(args[0])) {
            // tools wait for the classifier's answer, so a case's outcome never depends on the machine's speed;
            // only the server works to the budget the listing flow needs
            env.putIfAbsent("PREFLIGHT_IP_CLASSIFIER_BUDGET_MS", "60000");
        }
        try {
            settings = Settings.fromEnv(env);
            preflight.http.ApiKeys.parse(settings.apiKeys()); // a malformed key list stops here, before anything starts
        } catch (IllegalArgumentException e) {
            System.err.println("preflight: " + e.getMessage());
            return 2;
        }
        Preflight app = new Preflight(settings, Clock.systemDefaultZone());
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "serve" -> new ServeCommand(app).run();
            case "check" -> new CheckCommand(app).run(rest);
            case "rules" -> new RulesCommand(app).run(rest);
            case "bench" -> new BenchCommand(app).run(rest);
            case "soak" -> new SoakCommand(app).run(rest);
            case "ip" -> new IpCommand(app).run(rest);
            default -> {
                System.err.print(USAGE);
                yield 2;
            }
        };
    }
}
