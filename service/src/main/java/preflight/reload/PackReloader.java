package preflight.reload;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * compiles what the edit touched (the edited pack and the packs built on it; every pack when the
 * regulation catalog or the golden cases changed), checks every citation and metadata field, runs the
 * golden cases that touch those packs against the candidates, and swaps in, atomically, only the packs
 * that pass (with all their parents), after warming them up. A pack that fails keeps its last good version
 * live; what was refused, and why, is kept for {@code GET /v1/rule-packs/{market}}. The IP data (marks,
 * phrases) reloads the same way. In-flight checks finish on the packs they started with ({@link LivePacks}
 * is swapped whole). The same trial judges packs uploaded through the roll-out API.
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
    private final java.util.function.Consumer<Report> onReload;
    private final Map<String, PackStatus.Candidate> rejected = new ConcurrentHashMap<>();
    /** What the files held when the live packs were built; null before the first load. */
    private volatile Fingerprints built;
    /** Reloads and trials run here, one at a time, at low priority, so that checks keep their cores. */
    private final BackgroundThread worker = new BackgroundThread("pack-reload");

    /**
     * @param checksOver a check service over given packs and IP screen, to judge candidates with (no
     *                   store record: trial checks are not the listing flow's)
     */
    public PackReloader(Path rulesDir, Path regulationsDir, Path ipDir, Path testCasesDir, Clock clock, LivePacks live,
                        Supplier<IpScreen> liveIp, java.util.function.Consumer<IpScreen> swapIp, CheckRequestParser parser,
                        BiFunction<Supplier<RulePacks>, Supplier<IpScreen>, CheckService> checksOver,
                        java.util.function.Consumer<Report> onReload) {
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
        this.onReload = onReload;
    }

    /**
     * Remembers what the files hold now as what the live packs are built from. Call it just before the
     * first load: an edit made during that load is then seen by the next reload.
     */
    public void baseline() {
        built = fingerprints();
    }

    /** One reload at a time, on the reload thread: a second edit while one runs waits, then sees both. */
    public Report reload() {
        return reload(Set.of());
    }

    /**
     * Rebuilds what changed since the last reload: an edited pack and the packs built on it, every pack when
     * the regulation catalog or the golden cases changed, the IP screen when its data or the catalog changed.
     * Only the golden cases that touch a rebuilt pack are run, and only they warm it up.
     *
     * @param force markets to rebuild even if their files did not change (the reload benchmark)
     */
    public Report reload(Set<String> force) {
        return worker.run(() -> reloadHere(force));
    }

    private Report reloadHere(Set<String> force) {
        Fingerprints now = fingerprints();
        boolean everything = built == null || !now.catalog().equals(built.catalog()) || !now.cases().equals(built.cases());
        boolean ipChanged = built == null || !now.ip().equals(built.ip()) || !now.catalog().equals(built.catalog());
        Set<String> affected = null; // null: every pack
        if (!everything) {
            Set<String> changed = new HashSet<>(now.packsChangedSince(built));
            changed.addAll(force);
            changed.addAll(rejected.keySet()); // a refused pack is retried whenever anything changes
            changed.remove("ip");
            affected = builtOn(changed);
            if (affected.isEmpty() && !ipChanged) {
                return new Report(List.of(), List.of(), true);
            }
        }
        RegulationCatalog catalog;
        try {
            catalog = RegulationCatalog.load(regulationsDir);
        } catch (InvalidCatalogException e) {
            // every pack cites the catalog: none can be judged until it is fixed
            live.get().all().forEach(p -> refuse(p.market(), e.problems(), List.of()));
            log.warn("reload refused: the regulation catalog has {} problem(s)", e.problems().size());
            return new Report(List.of(), live.get().all().stream().map(RulePack::market).toList(), false);
        }
        IpScreen candidateIp = liveIp.get();
        List<String> ipErrors = List.of();
        if (ipChanged) {
            try {
                IpData data = new IpDataLoader().load(ipDir);
                candidateIp = new IpScreen(data, catalog, liveIp.get() == null ? null : liveIp.get().classifier());
            } catch (InvalidIpDataException e) {
                ipErrors = e.problems();
            }
        }
        Trial t = trial(rulesDir, catalog, affected, candidateIp, ipChanged);

        RulePacks nextPacks = live.get().with(t.accepted());
        t.accepted().keySet().forEach(rejected::remove);
        rejected.putAll(t.refused());
        boolean ipOk = ipErrors.isEmpty() && !t.failedCases().containsKey("global");
        IpScreen nextIp = ipOk ? candidateIp : liveIp.get();
        if (!t.accepted().isEmpty() || (ipChanged && ipOk)) {
            Warmup.run(checksOver.apply(() -> nextPacks, () -> nextIp), samples(t.cases()));
        }
        live.swap(nextPacks);
        if (ipOk) {
            swapIp.accept(candidateIp);
            rejected.remove("ip");
        } else if (!ipErrors.isEmpty()) {
            refuse("ip", ipErrors, List.of());
        }
        built = now;
        List<String> accepted = t.accepted().keySet().stream().sorted().toList();
        List<String> refused = t.refused().keySet().stream().sorted().toList();
        log.info("reload: live {}; refused {}{}", accepted, refused, ipOk ? "" : "; IP data kept");
        Report report = new Report(accepted, refused, ipOk);
        onReload.accept(report);
        return report;
    }

    /**
     * What the packs under a rules folder would do if they went live: the named markets (null: every pack)
     * compiled, checked and run against the golden cases that touch them (all cases when {@code allCases}),
     * beside the live packs for every other market.
     *
     * @param accepted packs that compiled and passed, with all their parents
     * @param refused  why each other named market was refused
     * @param cases    the golden cases that were run
     */
    public record Trial(Map<String, RulePack> accepted, Map<String, PackStatus.Candidate> refused, List<GoldenCase> cases,
                        Map<String, List<String>> failedCases) {
    }

    /** A trial of an uploaded candidate: its market and the live packs built on it, from another rules folder. */
    public Trial trial(Path candidateRules, String market) {
        return worker.run(() -> trial(candidateRules, RegulationCatalog.load(regulationsDir), builtOn(Set.of(market)),
                liveIp.get(), false));
    }

    private Trial trial(Path rules, RegulationCatalog catalog, Set<String> only, IpScreen ip, boolean allCases) {
        PackLoadResult result = new PackLoader(rules, catalog, clock).load(only);
        Map<String, List<String>> errors = new HashMap<>();
        for (PackProblem p : result.problems()) {
            String market = marketOf(rules, p);
            if (only == null || only.contains(market)) {
                errors.computeIfAbsent(market, k -> new ArrayList<>()).add(p.toString());
            }
        }
        RulePacks trialPacks = live.get().with(result.packs());
        List<String> caseProblems = new ArrayList<>();
        List<GoldenCase> cases = GoldenCases.load(testCasesDir, null, caseProblems).stream()
                .filter(c -> only == null || allCases || touches(c, only, trialPacks)).toList();
        Map<String, List<String>> failedCases = goldenCases(cases, caseProblems, checksOver.apply(() -> trialPacks, () -> ip));

        Set<String> markets = new java.util.TreeSet<>(result.packs().keySet());
        markets.addAll(errors.keySet());
        if (only == null) {
            live.get().all().forEach(p -> markets.add(p.market())); // a pack whose parent failed does not compile at all
        } else {
            markets.addAll(only);
        }
        Map<String, Boolean> passes = new HashMap<>();
        for (String m : markets) {
            passes.put(m, result.packs().containsKey(m) && !errors.containsKey(m) && !failedCases.containsKey(m));
        }
        // a parent that was not rebuilt is live, and so has passed
        java.util.function.Predicate<String> passed = p -> passes.getOrDefault(p, !markets.contains(p));
        Map<String, RulePack> accepted = new LinkedHashMap<>();
        Map<String, PackStatus.Candidate> refused = new LinkedHashMap<>();
        for (String m : markets) {
            RulePack pack = result.packs().get(m);
            if (pack != null && pack.versions().keySet().stream().allMatch(passed)) {
                accepted.put(m, pack);
                continue;
            }
            List<String> why = new ArrayList<>(errors.getOrDefault(m, List.of()));
            if (why.isEmpty() && !failedCases.containsKey(m)) {
                why.add(pack == null ? "not rebuilt: a parent pack was refused, or its folder is gone"
                        : "a parent pack was refused: " + pack.versions().keySet().stream()
                                .filter(p -> !p.equals(m) && !passed.test(p)).toList());
            }
            refused.put(m, candidate(why, failedCases.getOrDefault(m, List.of())));
        }
        return new Trial(accepted, refused, cases, failedCases);
    }

    /** The changed markets and every live pack built on one of them. */
    private Set<String> builtOn(Set<String> changed) {
        Set<String> out = new HashSet<>(changed);
        live.get().all().stream().filter(p -> p.versions().keySet().stream().anyMatch(changed::contains))
                .forEach(p -> out.add(p.market()));
        return out;
    }

    /** A golden case touches a rebuilt pack when it sits in its folder or checks a country that pack judges. */
    private static boolean touches(GoldenCase c, Set<String> rebuilt, RulePacks trial) {
        List<String> countries = new ArrayList<>();
        c.request().path("targetCountries").forEach(t -> countries.add(t.asText().toUpperCase(java.util.Locale.ROOT)));
        return rebuilt.contains(c.market()) || trial.judgedByAny(countries, rebuilt);
    }

    /**
     * Runs a change to the files (an activation through the API writing a pack) and the reload it calls for
     * as one step, so that the folder watcher never reloads a half-written pack.
     */
    public Report apply(Runnable change) {
        return worker.run(() -> {
            change.run();
            return reloadHere(Set.of());
        });
    }

    private Fingerprints fingerprints() {
        return Fingerprints.read(rulesDir, regulationsDir, ipDir, testCasesDir);
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
        rejected.put(market, candidate(errors, failedCases));
    }

    private PackStatus.Candidate candidate(List<String> errors, List<String> failedCases) {
        return new PackStatus.Candidate(clock.instant(), List.copyOf(errors), List.copyOf(failedCases));
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
    private static String marketOf(Path rulesDir, PackProblem p) {
        // problem files are named as officers know them, relative to the folder the rules folder sits in
        Path rules = rulesDir.toAbsolutePath().normalize();
        Path file = (rules.getParent() == null ? rules : rules.getParent()).resolve(p.file()).normalize();
        if (!file.startsWith(rules) || file.equals(rules)) {
            return "global";
        }
        return rules.relativize(file).getName(0).toString();
    }
}
