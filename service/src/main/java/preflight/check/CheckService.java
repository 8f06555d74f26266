package preflight.check;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import preflight.ip.IpResult;
import preflight.ip.IpScreen;
import preflight.ip.IpVerdict;
import preflight.listing.PhraseCache;
import preflight.listing.ProductFacts;
import preflight.rules.Category;
import preflight.rules.Finding;
import preflight.rules.RuleHit;
import preflight.rules.RuleMeta;
import preflight.rules.RulePack;
import preflight.rules.RulePacks;
import preflight.scoring.Decision;
import preflight.scoring.DecisionPolicy;
import preflight.scoring.StoreScore;

/**
 * The one place that knows the whole check: normalise the listing, run each target market's pack,
 * sort findings into in force and upcoming on {@code asOf}, decide, and shape the verdict.
 */
public final class CheckService {

    private static final Comparator<Finding> WORST_FIRST = Comparator
            .comparing(Finding::severity).reversed()
            .thenComparing(Finding::country)
            .thenComparing(Finding::ruleId);
    private static final Comparator<Finding> SOONEST_FIRST = Comparator
            .comparing(Finding::effectiveFrom)
            .thenComparing(WORST_FIRST);

    private final Supplier<RulePacks> packs;
    private final Supplier<IpScreen> ipScreen;
    private final StoreScorer storeScorer;
    private final Consumer<CheckedListing> checkLog;
    private final Clock clock;
    private final DecisionPolicy policy;
    private final PhraseCache phrases = new PhraseCache();
    private final Admission admission;

    /**
     * @param packs       the live packs; read once per check, so a reload never changes a check half-way
     * @param ipScreen    the live IP screen (marks lexicon, phrases, classifier)
     * @param concurrency how many checks evaluate rules at once. Evaluation is pure CPU work, and Drools
     *                    sessions running side by side beyond the core count cost several times more each
     *                    (measured: 2 threads 24k checks/s, 32 threads 6k on 2 cores), so callers queue here.
     */
    public CheckService(Supplier<RulePacks> packs, Supplier<IpScreen> ipScreen, DecisionPolicy policy, int concurrency) {
        this(packs, ipScreen, StoreScorer.unavailable("no store record is kept by this check service"), c -> { },
                Clock.systemUTC(), policy, concurrency);
    }

    /**
     * @param storeScorer the store-score forecast from the store's penalty ledger
     * @param checkLog    takes every verdict for the check log; must not block
     */
    public CheckService(Supplier<RulePacks> packs, Supplier<IpScreen> ipScreen, StoreScorer storeScorer,
                        Consumer<CheckedListing> checkLog, Clock clock, DecisionPolicy policy, int concurrency) {
        this.packs = packs;
        this.ipScreen = ipScreen;
        this.storeScorer = storeScorer;
        this.checkLog = checkLog;
        this.clock = clock;
        this.policy = policy;
        this.admission = new Admission(concurrency);
    }

    public Verdict check(CheckRequest request) {
        ProductFacts facts = new ProductFacts(request.product(), request.seller(), phrases);
        admission.enter();
        return checkHoldingGate(request, facts);
    }

    /**
     * The listing flow's check, with admission control: when {@code maxWaiting} checks already wait for an
     * evaluator, or this one would wait longer than {@code maxWait}, it is turned away at once rather than
     * queued without end (the caller answers 429 and the listing flow retries).
     */
    public Verdict check(CheckRequest request, int maxWaiting, java.time.Duration maxWait) {
        ProductFacts facts = new ProductFacts(request.product(), request.seller(), phrases);
        admission.enter(maxWaiting, maxWait);
        return checkHoldingGate(request, facts);
    }

    /** Who evaluates rules now, and who waits. */
    public Admission admission() {
        return admission;
    }

    /** A check turned away by admission control; {@code reason} is "queue" or "timeout". */
    public static final class BusyException extends RuntimeException {
        private final String reason;

        BusyException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Runs the check; the caller holds an evaluator permit, which is released once the rules have run. */
    private Verdict checkHoldingGate(CheckRequest request, ProductFacts facts) {
        RulePacks live = packs.get();
        Map<String, RuleHit> unique = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        try {
            for (String target : request.targetCountries()) {
                RulePack pack = live.forCountry(target);
                versions.putAll(pack.versions());
                for (RuleHit hit : pack.evaluate(facts.forMarket(target))) {
                    unique.putIfAbsent(hit.ruleId() + "@" + hit.country(), hit);
                }
            }
        } finally {
            admission.leave();
        }
        boolean ipCheck = request.options().ipCheck();
        // outside the gate: an LLM in the cascade may wait, and must not hold up other checks' rules
        IpScreen screen = ipScreen.get();
        IpResult ip = ipCheck && screen != null ? screen.screen(request.product(), facts.text()) : null;
        Verdict verdict = verdict(request, unique, versions, ip, ipCheck ? IpVerdict.NOT_LOADED : IpVerdict.OFF);
        checkLog.accept(new CheckedListing(request, verdict, clock.instant()));
        return verdict;
    }

    private Verdict verdict(CheckRequest request, Map<String, RuleHit> unique, Map<String, String> versions, IpResult ip,
                            IpVerdict withoutScreen) {
        LocalDate asOf = request.options().asOf();
        boolean ipCheck = request.options().ipCheck();
        List<Finding> inForce = new ArrayList<>();
        List<Finding> upcoming = new ArrayList<>();
        for (RuleHit hit : unique.values()) {
            RuleMeta rule = hit.meta();
            if (!ipCheck && rule.category() == Category.IP) {
                continue;
            }
            if (rule.startsAfter(asOf)) {
                upcoming.add(hit.toFinding());
            } else if (rule.inForceOn(asOf)) {
                inForce.add(hit.toFinding());
            }
        }
        if (ip != null) {
            inForce.addAll(ip.findings());
        }
        inForce.sort(WORST_FIRST);
        upcoming.sort(SOONEST_FIRST);
        Decision decision = policy.decide(inForce);
        StoreScore store = storeScorer.forecast(request.seller(), inForce, asOf);
        return new Verdict(newCheckId(), request.submissionId(), decision, policy.riskScore(inForce),
                withPoints(inForce, store), List.copyOf(upcoming), ip == null ? withoutScreen : ip.verdict(), store,
                versions, asOf);
    }

    /** Each finding says what it would cost the store on its platform, as the forecast priced it. */
    private static List<Finding> withPoints(List<Finding> findings, StoreScore store) {
        if (store.drivers() == null || store.drivers().isEmpty()) {
            return List.copyOf(findings);
        }
        Map<String, Integer> points = new java.util.HashMap<>();
        store.drivers().forEach(d -> points.put(d.ruleId(), d.points()));
        return findings.stream().map(f -> new Finding(f.ruleId(), f.country(), f.category(), f.severity(), f.message(),
                f.regulation(), f.evidence(), f.fix(), f.effectiveFrom(), f.effectiveTo(),
                points.getOrDefault(f.ruleId(), f.penaltyPoints()))).toList();
    }

    /**
     * A random version-4 UUID. Check ids must be unique, not secret, and {@link UUID#randomUUID()} takes
     * a lock on the system's secure random source that serialises concurrent checks.
     */
    private static String newCheckId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }
}
