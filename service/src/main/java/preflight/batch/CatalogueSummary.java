package preflight.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import preflight.check.Verdict;
import preflight.rules.Finding;
import preflight.scoring.StoreScore;

/** Adds up a catalogue's verdicts as they come, from any number of threads, into a {@link Catalogue}. */
public final class CatalogueSummary {

    private static final int TOP = 50;
    private static final int PROBLEMS = 1000;
    private static final Comparator<Catalogue.Listing> WORST_FIRST = Comparator
            .comparingInt((Catalogue.Listing l) -> rank(l.decision())).reversed()
            .thenComparing(Comparator.comparingInt(Catalogue.Listing::riskScore).reversed())
            .thenComparingInt(Catalogue.Listing::line);

    private final int listings;
    private int checked;
    private int refused;
    private LocalDate asOf;
    private final Map<String, Integer> decisions = new TreeMap<>();
    private final Map<String, Integer> byMarket = new TreeMap<>();
    private final Map<String, Integer> byCategory = new TreeMap<>();
    private final Map<String, Catalogue.RuleCount> rules = new HashMap<>();
    private final List<Catalogue.Listing> worst = new ArrayList<>();
    private final Map<String, Catalogue.Upcoming> upcoming = new HashMap<>();
    private final Map<String, Catalogue.LedgerTotal> score = new LinkedHashMap<>();
    private final List<Catalogue.RowProblem> problems = new ArrayList<>();

    public CatalogueSummary(int listings) {
        this.listings = listings;
    }

    public synchronized void refused(int line, String problem) {
        refused++;
        if (problems.size() < PROBLEMS) {
            problems.add(new Catalogue.RowProblem(line, problem));
        }
    }

    public synchronized void add(int line, String sellerId, String category, String title, Verdict v) {
        checked++;
        asOf = asOf == null || v.asOf().isAfter(asOf) ? v.asOf() : asOf;
        decisions.merge(v.decision().name(), 1, Integer::sum);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Finding f : v.findings()) {
            byMarket.merge(f.country(), 1, Integer::sum);
            if (seen.add(f.ruleId())) {
                rules.merge(f.ruleId(), new Catalogue.RuleCount(f.ruleId(), f.severity().name(), f.category().name(),
                        f.regulation().title(), f.regulation().url(), 1), (a, b) -> new Catalogue.RuleCount(a.ruleId(),
                        a.severity(), a.category(), a.regulation(), a.url(), a.listings() + 1));
            }
        }
        if (!v.findings().isEmpty()) {
            byCategory.merge(category, 1, Integer::sum);
            worst.add(new Catalogue.Listing(line, v.submissionId(), sellerId, title, v.decision().name(), v.riskScore(),
                    v.findings().size(), v.findings().stream().map(Finding::ruleId).distinct().limit(5).toList()));
            if (worst.size() > 4 * TOP) {
                worst.sort(WORST_FIRST);
                worst.subList(TOP, worst.size()).clear();
            }
        }
        java.util.Set<String> upcomingSeen = new java.util.HashSet<>();
        for (Finding f : v.upcoming()) {
            String key = f.ruleId() + "@" + f.country();
            if (upcomingSeen.add(key)) {
                upcoming.merge(key, new Catalogue.Upcoming(f.ruleId(), f.country(), f.effectiveFrom(), f.severity().name(), 1,
                        List.of(line)), (a, b) -> new Catalogue.Upcoming(a.ruleId(), a.country(), a.effectiveFrom(), a.severity(),
                        a.listings() + 1, a.exampleLines().size() < 5 ? append(a.exampleLines(), line) : a.exampleLines()));
            }
        }
        StoreScore s = v.storeScore();
        if (s != null && s.available() && s.ledgers() != null) {
            for (StoreScore.LedgerForecast l : s.ledgers()) {
                double change = l.expectedPoints() - l.currentPoints();
                int withFindings = v.findings().isEmpty() ? 0 : 1;
                score.merge(sellerId + "\n" + s.platform() + "\n" + l.id(), new Catalogue.LedgerTotal(sellerId, s.platform(), l.id(),
                        l.title(), l.currentPoints(), l.currentPoints() + change, withFindings, l.sanctions()),
                        (a, b) -> new Catalogue.LedgerTotal(a.sellerId(), a.platform(), a.ledger(), a.title(), a.current(),
                                a.expected() + change, a.listingsWithFindings() + withFindings, a.sanctions()));
            }
        }
    }

    /** A sink that adds each result to this summary, then hands it on. */
    public BatchJob.Sink counting(BatchJob.Sink next) {
        return new BatchJob.Sink() {
            @Override
            public void checked(BatchRow row, Verdict v) {
                add(row.line(), row.request().seller().id(), row.request().product().category(), row.request().product().title(), v);
                next.checked(row, v);
            }

            @Override
            public void refused(BatchRow row, String problem) {
                CatalogueSummary.this.refused(row.line(), problem);
                next.refused(row, problem);
            }
        };
    }

    public synchronized Catalogue snapshot() {
        List<Catalogue.Listing> top = new ArrayList<>(worst);
        top.sort(WORST_FIRST);
        List<Catalogue.RuleCount> byRule = new ArrayList<>(rules.values());
        byRule.sort(Comparator.comparingInt(Catalogue.RuleCount::listings).reversed().thenComparing(Catalogue.RuleCount::ruleId));
        List<Catalogue.Upcoming> soon = new ArrayList<>(upcoming.values());
        soon.sort(Comparator.comparing(Catalogue.Upcoming::effectiveFrom).thenComparing(Comparator.comparingInt(Catalogue.Upcoming::listings)
                .reversed()).thenComparing(Catalogue.Upcoming::ruleId));
        List<Catalogue.RowProblem> rows = new ArrayList<>(problems);
        rows.sort(Comparator.comparingInt(Catalogue.RowProblem::line));
        return new Catalogue(listings, checked, refused, asOf, sorted(decisions), sorted(byMarket), sorted(byCategory),
                List.copyOf(byRule.subList(0, Math.min(TOP, byRule.size()))), List.copyOf(top.subList(0, Math.min(TOP, top.size()))),
                List.copyOf(soon), List.copyOf(score.values()), List.copyOf(rows));
    }

    private static Map<String, Integer> sorted(Map<String, Integer> m) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(m));
    }

    private static int rank(String decision) {
        return switch (decision) {
            case "BLOCK" -> 2;
            case "WARN" -> 1;
            default -> 0;
        };
    }

    private static List<Integer> append(List<Integer> list, int line) {
        List<Integer> out = new ArrayList<>(list);
        out.add(line);
        return List.copyOf(out);
    }
}
