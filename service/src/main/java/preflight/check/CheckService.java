package preflight.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
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
    private final DecisionPolicy policy;
    private final PhraseCache phrases = new PhraseCache();
    private final Semaphore evaluating;

    /**
     * @param packs       the live packs; read once per check, so a reload never changes a check half-way
     * @param concurrency how many checks evaluate rules at once. Evaluation is pure CPU work, and Drools
     *                    sessions running side by side beyond the core count cost several times more each
     *                    (measured: 2 threads 24k checks/s, 32 threads 6k on 2 cores), so callers queue here.
     */
    public CheckService(Supplier<RulePacks> packs, DecisionPolicy policy, int concurrency) {
        this.packs = packs;
        this.policy = policy;
        this.evaluating = new Semaphore(concurrency);
    }

    public Verdict check(CheckRequest request) {
        evaluating.acquireUninterruptibly();
        try {
            return evaluate(request);
        } finally {
            evaluating.release();
        }
    }

    private Verdict evaluate(CheckRequest request) {
        RulePacks live = packs.get();
        ProductFacts facts = new ProductFacts(request.product(), request.seller(), phrases);
        Map<String, RuleHit> unique = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (String target : request.targetCountries()) {
            RulePack pack = live.forCountry(target);
            versions.putAll(pack.versions());
            for (RuleHit hit : pack.evaluate(facts.forMarket(target))) {
                unique.putIfAbsent(hit.ruleId() + "@" + hit.country(), hit);
            }
        }
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
        inForce.sort(WORST_FIRST);
        upcoming.sort(SOONEST_FIRST);
        Decision decision = policy.decide(inForce);
        return new Verdict(newCheckId(), request.submissionId(), decision, policy.riskScore(inForce),
                List.copyOf(inForce), List.copyOf(upcoming), ipScreen(inForce, ipCheck), StoreScore.unavailable(),
                versions, asOf);
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

    private static IpScreen ipScreen(List<Finding> inForce, boolean ipCheck) {
        if (!ipCheck) {
            return new IpScreen(0.0, List.of(), "off", List.of(), false);
        }
        List<Finding> ip = inForce.stream().filter(f -> f.category() == Category.IP).toList();
        double risk = ip.stream().mapToDouble(f -> DecisionPolicy.weight(f.severity())).max().orElse(0.0);
        return new IpScreen(risk, List.of(), "rules-only", ip.stream().map(Finding::ruleId).distinct().toList(), true);
    }
}
