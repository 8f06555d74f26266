package preflight.cli;

import java.util.ArrayList;
import java.util.List;
import preflight.Preflight;
import preflight.cases.CaseResult;
import preflight.cases.CaseRunner;
import preflight.cases.GoldenCase;
import preflight.cases.GoldenCases;
import preflight.ip.InvalidIpDataException;
import preflight.regulations.InvalidCatalogException;
import preflight.regulations.RegulationCatalog;
import preflight.rules.PackLoadResult;
import preflight.rules.PackLoader;
import preflight.rules.PackProblem;
import preflight.rules.RulePacks;

/** {@code preflight rules validate|test [MARKET]}: the compliance officer's tools. */
final class RulesCommand {

    private final Preflight app;

    RulesCommand(Preflight app) {
        this.app = app;
    }

    int run(String[] args) {
        if (args.length == 2 && args[0].equals("explain")) {
            return new ExplainCommand(app).run(args[1]);
        }
        if (args.length < 1 || args.length > 2 || !List.of("validate", "test", "coverage").contains(args[0])) {
            System.err.println("usage: preflight rules validate|test|coverage [MARKET] | rules explain FILE.json");
            return 2;
        }
        String market = args.length == 2 ? args[1] : null;
        PackLoadResult loaded;
        RegulationCatalog catalog;
        try {
            catalog = RegulationCatalog.load(app.settings().regulationsDir());
            loaded = new PackLoader(app.settings().rulesDir(), catalog, app.clock()).load();
        } catch (InvalidCatalogException e) {
            e.problems().forEach(System.out::println);
            return 1;
        }
        if (args[0].equals("coverage")) {
            new CoverageReport(loaded, catalog, java.time.LocalDate.now(app.clock())).print(System.out, market);
            return loaded.problems().isEmpty() ? 0 : 1;
        }
        List<PackProblem> problems = loaded.problems().stream()
                .filter(p -> market == null || concerns(p, market)).toList();
        problems.forEach(System.out::println);
        if (market != null && !loaded.packs().containsKey(market)) {
            System.out.println(market + ": pack did not load" + (problems.isEmpty() ? " (a parent pack failed, or no such pack)" : ""));
            return 1;
        }
        if (args[0].equals("validate")) {
            int rules = loaded.packs().values().stream().filter(p -> market == null || p.market().equals(market))
                    .mapToInt(p -> p.ownRules().size()).sum();
            System.out.println(problems.isEmpty() ? "ok: " + rules + " rules" : problems.size() + " problem(s)");
            return problems.isEmpty() ? 0 : 1;
        }
        try {
            app.loadIp(catalog); // golden cases run the IP screen too
        } catch (InvalidIpDataException e) {
            e.problems().forEach(System.out::println);
            return 1;
        }
        app.packs().swap(new RulePacks(loaded.packs()));
        return test(market) == 0 && problems.isEmpty() ? 0 : 1;
    }

    private static boolean concerns(PackProblem p, String market) {
        return p.file().contains("rules/" + market + "/") || p.file().endsWith("rules/" + market)
                || p.file().contains("country-regulations/" + market + ".yaml");
    }

    private int test(String market) {
        List<String> problems = new ArrayList<>();
        List<GoldenCase> cases = GoldenCases.load(app.settings().testCasesDir(), market, problems);
        problems.forEach(System.out::println);
        CaseRunner runner = app.caseRunner();
        int passed = 0;
        int failed = problems.size();
        for (GoldenCase c : cases) {
            CaseResult r;
            try {
                r = runner.run(c);
            } catch (IllegalStateException e) {
                System.out.println("FAIL " + c.name() + ": " + e.getMessage());
                failed++;
                continue;
            }
            if (r.passed()) {
                passed++;
                System.out.println("ok   " + c.name() + "  (" + c.note() + ")");
            } else {
                failed++;
                System.out.println("FAIL " + c.name() + "  (" + c.note() + ")");
                r.mismatches().forEach(m -> System.out.println("       " + m));
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
