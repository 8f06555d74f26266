package preflight.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import preflight.regulations.Regulation;
import preflight.regulations.RegulationCatalog;
import preflight.rules.Category;
import preflight.rules.PackLoadResult;
import preflight.rules.RulePack;

/**
 * {@code preflight rules coverage}: rules per market and area, the dated ones still to come, and the
 * regulations in the catalog that no rule cites yet (a duty nobody checks).
 */
final class CoverageReport {

    private final PackLoadResult loaded;
    private final RegulationCatalog catalog;
    private final LocalDate today;

    CoverageReport(PackLoadResult loaded, RegulationCatalog catalog, LocalDate today) {
        this.loaded = loaded;
        this.catalog = catalog;
        this.today = today;
    }

    void print(PrintStream out, String onlyMarket) {
        Map<String, RulePack> packs = new TreeMap<>(Comparator.comparing((String m) -> !m.equals("global")).thenComparing(m -> m));
        packs.putAll(loaded.packs());
        out.printf("%-8s", "market");
        for (Category c : Category.values()) {
            out.printf("%15s", c.name());
        }
        out.printf("%8s%10s%n", "rules", "upcoming");
        Map<Category, Integer> totals = new EnumMap<>(Category.class);
        int all = 0;
        int upcoming = 0;
        Set<String> cited = new HashSet<>();
        for (RulePack p : packs.values()) {
            p.ownRules().forEach(r -> cited.add(r.regulation().id()));
            if (onlyMarket != null && !onlyMarket.equals(p.market())) {
                continue;
            }
            Map<Category, Integer> counts = new EnumMap<>(Category.class);
            p.ownRules().forEach(r -> counts.merge(r.category(), 1, Integer::sum));
            long dated = p.ownRules().stream().filter(r -> r.startsAfter(today)).count();
            out.printf("%-8s", p.market());
            for (Category c : Category.values()) {
                out.printf("%15d", counts.getOrDefault(c, 0));
                totals.merge(c, counts.getOrDefault(c, 0), Integer::sum);
            }
            out.printf("%8d%10d%n", p.ownRules().size(), dated);
            all += p.ownRules().size();
            upcoming += (int) dated;
        }
        out.printf("%-8s", "total");
        for (Category c : Category.values()) {
            out.printf("%15d", totals.getOrDefault(c, 0));
        }
        out.printf("%8d%10d%n", all, upcoming);
        List<Regulation> unused = catalog.all().stream()
                .filter(r -> !cited.contains(r.id()) && (onlyMarket == null || onlyMarket.equals(r.market())))
                .sorted(Comparator.comparing(Regulation::market).thenComparing(Regulation::id)).toList();
        out.println();
        out.println(unused.isEmpty() ? "every regulation in the catalog is cited by a rule"
                : unused.size() + " regulation(s) no rule cites yet:");
        for (Regulation r : unused) {
            out.println("  country-regulations/" + r.market() + ".yaml: " + r.id() + "  " + r.title());
        }
        Map<String, Set<String>> attributes = new TreeMap<>();
        for (RulePack p : packs.values()) {
            if (onlyMarket == null || onlyMarket.equals(p.market())) {
                p.ownRules().forEach(r -> r.attributes().forEach(a -> attributes.computeIfAbsent(a, k -> new java.util.TreeSet<>()).add(p.market())));
            }
        }
        out.println();
        out.println("product attributes rules read (what a seller can declare), with the packs that read them:");
        attributes.forEach((a, markets) -> out.println("  " + a + "  " + String.join(" ", markets)));
        loaded.problems().forEach(p -> out.println("not loaded: " + p));
    }

}
