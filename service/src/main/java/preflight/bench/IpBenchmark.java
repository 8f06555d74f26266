package preflight.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import preflight.check.CheckRequest;
import preflight.check.CheckService;
import preflight.ip.EvalCase;
import preflight.ip.IpScreen;
import preflight.listing.Seller;
import preflight.rules.RulePacks;
import preflight.scoring.DecisionPolicy;

/**
 * What the IP screen costs. Its listings are the labelled IP set (every one new to the classifier: the
 * screen under test has no answer cache, so each doubtful listing pays for a model call, as a new
 * listing does in production). Prints the screen alone per listing, then a whole check (five markets)
 * with the screen off and on.
 */
public final class IpBenchmark {

    private IpBenchmark() {
    }

    public static List<String> run(Supplier<RulePacks> packs, IpScreen lexiconOnly, IpScreen screen, List<EvalCase> listings,
                                   List<String> markets, int passes) {
        List<String> out = new ArrayList<>();
        out.add("IP screen, lexicon alone (" + listings.size() + " labelled listings x " + passes + "): "
                + timeScreen(lexiconOnly, listings, passes));
        out.add("IP screen (" + screen.classifierName() + " in the cascade, no answer cache): " + timeScreen(screen, listings, passes));
        CheckService checks = new CheckService(packs, () -> screen, new DecisionPolicy(), 2);
        Percentiles off = timeChecks(checks, requests(listings, markets, false), passes);
        Percentiles on = timeChecks(checks, requests(listings, markets, true), passes);
        out.add("check, IP off: " + off);
        out.add("check, IP on:  " + on);
        out.add(String.format(Locale.ROOT, "the IP screen adds %.3f ms at p50 and %.3f ms at p99 to a check",
                on.p50Ms() - off.p50Ms(), on.p99Ms() - off.p99Ms()));
        return out;
    }

    private static Percentiles timeScreen(IpScreen screen, List<EvalCase> listings, int passes) {
        return time(listings, c -> screen.screen(c.product()), passes);
    }

    private static List<CheckRequest> requests(List<EvalCase> listings, List<String> markets, boolean ipCheck) {
        List<CheckRequest> out = new ArrayList<>();
        for (EvalCase c : listings) {
            out.add(new CheckRequest(c.id(), new Seller("bench", "CN", null), c.product(), markets,
                    new CheckRequest.Options(ipCheck, "en", LocalDate.of(2026, 11, 25))));
        }
        return out;
    }

    private static Percentiles timeChecks(CheckService checks, List<CheckRequest> requests, int passes) {
        return time(requests, checks::check, passes);
    }

    /** Each item once to warm the JIT, then {@code passes} timed rounds. */
    private static <T> Percentiles time(List<T> items, Consumer<T> work, int passes) {
        long[] nanos = new long[items.size() * passes];
        int n = 0;
        for (int pass = 0; pass < passes + 1; pass++) {
            for (T item : items) {
                long t = System.nanoTime();
                work.accept(item);
                if (pass > 0) {
                    nanos[n++] = System.nanoTime() - t;
                }
            }
        }
        return Percentiles.of(nanos, n);
    }
}
