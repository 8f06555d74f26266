package preflight.reload;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import preflight.cases.CaseResult;
import preflight.cases.CaseRunner;
import preflight.cases.GoldenCase;
import preflight.cases.GoldenCases;
import preflight.check.CheckRequest;
import preflight.check.CheckService;
import preflight.check.Warmup;
import preflight.http.CheckRequestParser;
import preflight.http.InvalidRequestException;
import preflight.ip.InvalidIpDataException;
import preflight.ip.IpData;
import preflight.ip.IpDataLoader;
import preflight.ip.IpScreen;
import preflight.regulations.InvalidCatalogException;
import preflight.regulations.RegulationCatalog;
import preflight.rules.LivePacks;
import preflight.rules.PackLoadResult;
import preflight.rules.PackLoader;
import preflight.rules.PackProblem;
import preflight.rules.RulePack;
import preflight.rules.RulePacks;

/**
 * Puts officers' edits live without a restart and without ever breaking the service. On each reload it
 * compiles every pack from the files, checks every citation and metadata field, runs the golden cases
 * against the candidates, and swaps in, atomically, only the packs that pass (with all their parents),
 * after warming them up. A pack that fails keeps its last good version live; what was refused, and why,
 * is kept for {@code GET /v1/rule-packs/{market}}. The IP data (marks, phrases) reloads the same way.
 * In-flight checks finish on the packs they started with ({@link LivePacks} is swapped whole).
 */
public final class PackReloader {

    private static final Logger log = LoggerFactory.getLogger(PackReloader.class);

    /** What one reload did. */
    public record Report(List<String> accepted, List<String> rejected, boolean ipAccepted) {
    }

    private final Path rulesDir;
    private final Path regulationsDir;
    private final Path ipDir;
    private final Path testCasesDir;
    private final Clock clock;
    private final LivePacks live;
    private final Supplier<IpScreen> liveIp;
    private final java.util.function.Consumer<IpScreen> swapIp;
    private final CheckRequestParser parser;
    private final BiFunction<Supplier<RulePacks>, Supplier<IpScreen>, CheckService> checksOver;
    private final Map<String, PackStatus.Candidate> rejected = new ConcurrentHashMap<>();

    /**
     * @param checksOver a check service over given packs and IP screen, to judge candidates with (no
     *                   store record: trial checks are not the listing flow's)
     */
    public PackReloader(Path rulesDir, Path regulationsDir, Path ipDir, Path testCasesDir, Clock clock, LivePacks live,
                        Supplier<IpScreen> liveIp, java.util.function.Consumer<IpScreen> swapIp, CheckRequestParser parser,
                        BiFunction<Supplier<RulePacks>, Supplier<IpScreen>, CheckService> checksOver) {
        this.rulesDir = rulesDir;
        this.regulationsDir = regulationsDir;
        this.ipDir = ipDir;
        this.testCasesDir = testCasesDir;
        this.clock = clock;
        this.live = live;
        this.liveIp = liveIp;
        this.swapIp = swapIp;
        this.parser = parser;
        this.checksOver = checksOver;
    }

    /** One reload at a time: a second edit while one runs waits, then sees both. */
    public synchronized Report reload() {
        RegulationCatalog catalog;
        try {
            catalog = RegulationCatalog.load(regulationsDir);
        } catch (InvalidCatalogException e) {
            // every pack cites the catalog: none can be judged until it is fixed
            live.get().all().forEach(p -> refuse(p.market(), e.problems(), List.of()));
            log.warn("reload refused: the regulation catalog has {} problem(s)", e.problems().size());
            return new Report(List.of(), live.get().all().stream().map(RulePack::market).toList(), false);
        }
        PackLoadResult result = new PackLoader(rulesDir, catalog, clock).load();
        Map<String, List<String>> errors = new HashMap<>();
        for (PackProblem p : result.problems()) {
            errors.computeIfAbsent(marketOf(p), k -> new ArrayList<>()).add(p.toString());
        }

        IpScreen candidateIp = liveIp.get();
        List<String> ipErrors = List.of();
        try {
            IpData data = new IpDataLoader().load(ipDir);
            candidateIp = new IpScreen(data, catalog, liveIp.get() == null ? null : liveIp.get().classifier());
        } catch (InvalidIpDataException e) {
            ipErrors = e.problems();
        }

        Map<String, RulePack> candidates = new LinkedHashMap<>();
        live.get().all().forEach(p -> candidates.put(p.market(), p));
        candidates.putAll(result.packs());
        RulePacks trial = new RulePacks(candidates);
        IpScreen trialIp = candidateIp;
        List<String> caseProblems = new ArrayList<>();
        List<GoldenCase> cases = GoldenCases.load(testCasesDir, null, caseProblems);
        Map<String, List<String>> failedCases = goldenCases(cases, caseProblems, checksOver.apply(() -> trial, () -> trialIp));

        Set<String> markets = new java.util.TreeSet<>(result.packs().keySet());
        markets.addAll(errors.keySet());
        live.get().all().forEach(p -> markets.add(p.market())); // a pack whose parent failed does not compile at all
        Map<String, Boolean> passes = new HashMap<>();
        for (String m : markets) {
            passes.put(m, result.packs().containsKey(m) && !errors.containsKey(m) && !failedCases.containsKey(m));
        }
        Map<String, RulePack> next = new LinkedHashMap<>();
        live.get().all().forEach(p -> next.put(p.market(), p));
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String m : markets) {
            RulePack pack = result.packs().get(m);
            boolean ok = pack != null && pack.versions().keySet().stream().allMatch(p -> passes.getOrDefault(p, false));
            if (ok) {
                next.put(m, pack);
                rejected.remove(m);
                accepted.add(m);
            } else {
                List<String> why = new ArrayList<>(errors.getOrDefault(m, List.of()));
                if (why.isEmpty() && !failedCases.containsKey(m)) {
                    why.add(pack == null ? "not rebuilt: a parent pack was refused, or its folder is gone"
                            : "a parent pack was refused: " + pack.versions().keySet().stream()
                                    .filter(p -> !p.equals(m) && !passes.getOrDefault(p, false)).toList());
                }
                refuse(m, why, failedCases.getOrDefault(m, List.of()));
                refused.add(m);
            }
        }
        boolean ipOk = ipErrors.isEmpty() && !failedCases.containsKey("global");
        RulePacks nextPacks = new RulePacks(next);
        IpScreen nextIp = ipOk ? candidateIp : liveIp.get();
        Warmup.run(checksOver.apply(() -> nextPacks, () -> nextIp), samples(cases));
        live.swap(nextPacks);
        if (ipOk) {
            swapIp.accept(candidateIp);
        } else if (!ipErrors.isEmpty()) {
            refuse("ip", ipErrors, List.of());
        }
        log.info("reload: live {}; refused {}{}", accepted, refused, ipOk ? "" : "; IP data kept");
        return new Report(accepted, refused, ipOk);
    }

    /** The live version and the last refused candidate of one market (or "ip"). */
    public Optional<PackStatus> status(String market) {
        Optional<RulePack> pack = live.isLoaded() ? live.get().get(market) : Optional.empty();
        PackStatus.Candidate refused = rejected.get(market);
        if (pack.isEmpty() && refused == null) {
            return Optional.empty();
        }
        PackStatus.Live l = pack.map(p -> new PackStatus.Live(p.version(), p.versions(), p.ownRules().size(), p.files(),
                p.loadedAt())).orElse(null);
        return Optional.of(new PackStatus(market, l, refused));
    }

    private void refuse(String market, List<String> errors, List<String> failedCases) {
        rejected.put(market, new PackStatus.Candidate(clock.instant(), List.copyOf(errors), List.copyOf(failedCases)));
    }

    /** The failing golden cases per market folder, each as "name: first mismatch". */
    private Map<String, List<String>> goldenCases(List<GoldenCase> cases, List<String> problems, CheckService checks) {
        Map<String, List<String>> failed = new HashMap<>();
        CaseRunner runner = new CaseRunner(parser, checks);
        for (GoldenCase c : cases) {
            CaseResult r = runner.run(c);
            if (!r.passed()) {
                failed.computeIfAbsent(c.market(), k -> new ArrayList<>()).add(c.name() + ": " + r.mismatches().get(0));
            }
        }
        for (String p : problems) {
            failed.computeIfAbsent("global", k -> new ArrayList<>()).add(p);
        }
        return failed;
    }

    private List<CheckRequest> samples(List<GoldenCase> cases) {
        List<CheckRequest> out = new ArrayList<>();
        for (GoldenCase c : cases) {
            try {
                out.add(parser.parse(c.request()));
            } catch (InvalidRequestException e) {
                // reported as a failed case above
            }
        }
        return out;
    }

    /** The market a problem belongs to: the pack folder its file is in. */
    private String marketOf(PackProblem p) {
        // problem files are named as officers know them, relative to the folder the rules folder sits in
        Path rules = rulesDir.toAbsolutePath().normalize();
        Path file = (rules.getParent() == null ? rules : rules.getParent()).resolve(p.file()).normalize();
        if (!file.startsWith(rules) || file.equals(rules)) {
            return "global";
        }
        return rules.relativize(file).getName(0).toString();
    }
}
