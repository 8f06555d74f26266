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
import preflight.report.RuleTranslations;
import preflight.report.TranslationSources;
import preflight.rules.PackLoadResult;
import preflight.rules.PackLoader;
import preflight.rules.PackProblem;
import preflight.rules.RulePacks;

/** {@code preflight rules validate|test|coverage|explain|translations}: the compliance officer's tools. */
final class RulesCommand {

    private final Preflight app;

    RulesCommand(Preflight app) {
        this.app = app;
    }

    int run(String[] args) {
        if (args.length == 2 && args[0].equals("explain")) {
            return new ExplainCommand(app).run(args[1]);
        }
        if (args.length >= 1 && args[0].equals("translations")) {
            return translations(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        boolean coverage = List.of(args).contains("--coverage");
        args = java.util.Arrays.stream(args).filter(a -> !a.equals("--coverage")).toArray(String[]::new);
        if (args.length < 1 || args.length > 2 || !List.of("validate", "test", "coverage").contains(args[0])
                || coverage && !args[0].equals("test")) {
            System.err.println("usage: preflight rules validate|test|coverage [MARKET] | rules test [MARKET] --coverage"
                    + " | rules explain FILE.json | rules translations [MARKET|ip] [--stamp] [--locale zh]");
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
            // a translation made from other English does not stop a pack: reports show the English until it is checked
            List<TranslationSources.Outdated> outdated = translationSources().outdated(new RulePacks(loaded.packs()), "zh", market);
            outdated.forEach(o -> System.out.println("warning: " + o));
            return problems.isEmpty() ? 0 : 1;
        }
        try {
            app.loadIp(catalog); // golden cases run the IP screen too
        } catch (InvalidIpDataException e) {
            e.problems().forEach(System.out::println);
            return 1;
        }
        app.packs().swap(new RulePacks(loaded.packs()));
        return test(market, coverage ? catalog : null) == 0 && problems.isEmpty() ? 0 : 1;
    }

    /**
     * {@code rules translations [MARKET|ip] [--stamp] [--locale zh]}: the translations made from other English than
     * the rules' now (exit 1 while there are any); {@code --stamp} records, once they are checked, that they match.
     */
    private int translations(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean stamp = rest.remove("--stamp");
        String locale = "zh";
        int at = rest.indexOf("--locale");
        if (at >= 0 && at + 1 < rest.size()) {
            locale = rest.get(at + 1);
            rest.subList(at, at + 2).clear();
        }
        if (rest.size() > 1 || rest.stream().anyMatch(a -> a.startsWith("--"))) {
            System.err.println("usage: preflight rules translations [MARKET|ip] [--stamp] [--locale zh]");
            return 2;
        }
        String market = rest.isEmpty() ? null : rest.get(0);
        PackLoadResult loaded;
        try {
            loaded = new PackLoader(app.settings().rulesDir(), RegulationCatalog.load(app.settings().regulationsDir()), app.clock()).load();
        } catch (InvalidCatalogException e) {
            e.problems().forEach(System.out::println);
            return 1;
        }
        loaded.problems().forEach(System.out::println);
        RulePacks packs = new RulePacks(loaded.packs());
        TranslationSources sources = translationSources();
        if (stamp) {
            System.out.println(sources.stamp(packs, locale, market) + " translation(s) stamped as made from the English as it is now");
            return 0;
        }
        List<TranslationSources.Outdated> outdated = sources.outdated(packs, locale, market);
        outdated.forEach(System.out::println);
        System.out.println(outdated.isEmpty() ? "ok: every " + locale + " translation was made from the rules' English as it is now"
                : outdated.size() + " translation(s) to check");
        return outdated.isEmpty() ? 0 : 1;
    }

    private TranslationSources translationSources() {
        return new TranslationSources(app.settings().rulesDir(), app.settings().regulationsDir(),
                new RuleTranslations(app.settings().rulesDir(), app.settings().regulationsDir()));
    }

    private static boolean concerns(PackProblem p, String market) {
        return p.file().contains("rules/" + market + "/") || p.file().endsWith("rules/" + market)
                || p.file().contains("country-regulations/" + market + ".yaml");
    }

    /** @param coverageOf when given, also list the rules no case fires and the regulations nothing cites */
    private int test(String market, RegulationCatalog coverageOf) {
        java.util.Set<String> fired = new java.util.HashSet<>();
        java.util.Set<String> cited = new java.util.HashSet<>();
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
            if (r.verdict() != null) {
                java.util.stream.Stream.concat(r.verdict().findings().stream(), r.verdict().upcoming().stream()).forEach(f -> {
                    fired.add(f.ruleId());
                    cited.add(f.regulation().id());
                });
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
        if (coverageOf != null) {
            printCoverage(market, coverageOf, fired, cited);
        }
        return failed == 0 ? 0 : 1;
    }

    /** Every rule no golden case fires, as file:line, and every regulation neither a rule nor a finding cites. */
    private void printCoverage(String market, RegulationCatalog catalog, java.util.Set<String> fired, java.util.Set<String> cited) {
        List<String> unfired = new ArrayList<>();
        for (var pack : app.packs().get().all()) {
            for (var rule : pack.ownRules()) {
                cited.add(rule.regulation().id());
                if ((market == null || market.equals(pack.market())) && !fired.contains(rule.id())) {
                    unfired.add(rule.file() + ":" + rule.line() + ": " + rule.id() + " is fired by no golden case");
                }
            }
        }
        System.out.println();
        System.out.println(unfired.isEmpty() ? "coverage: every rule is fired by a golden case" : "coverage: " + unfired.size()
                + " rule(s) no golden case fires:");
        unfired.stream().sorted().forEach(u -> System.out.println("  " + u));
        List<String> uncited = catalog.all().stream()
                .filter(r -> !cited.contains(r.id()) && (market == null || market.equals(r.market())))
                .map(r -> "country-regulations/" + r.market() + ".yaml: " + r.id() + " is cited by no rule").sorted().toList();
        System.out.println(uncited.isEmpty() ? "coverage: every regulation is cited" : "coverage: " + uncited.size()
                + " regulation(s) no rule cites:");
        uncited.forEach(u -> System.out.println("  " + u));
    }
}
