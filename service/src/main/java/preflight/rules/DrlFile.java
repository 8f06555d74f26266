package preflight.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import preflight.regulations.RegulationCatalog;

/**
 * One DRL file of a pack: its text, and the metadata of each rule in it, checked against the
 * regulation catalog. Problems are collected, never thrown, so an officer sees them all at once.
 */
record DrlFile(String displayPath, String text, String packageName, List<RuleMeta> rules, IntUnaryOperator sourceLine) {

    private static final Set<String> KNOWN = Set.of("id", "category", "severity", "regulation", "effectiveFrom",
            "effectiveTo", "penaltyPoints", "country");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern NUMBER_COMPARISON = Pattern.compile(
            "(number\\s*\\([^)]*\\)|\\bbatteryWh\\b|\\blaserMilliwatts\\b|\\bminimumAge\\b)\\s*(<|>|==|!=)"
                    + "|(<|>|==|!=)=?\\s*(number\\s*\\(|batteryWh\\b|laserMilliwatts\\b|minimumAge\\b)");

    static DrlFile read(String displayPath, String text, String market, RegulationCatalog catalog,
                        List<PackProblem> problems) {
        return read(displayPath, text, market, catalog, problems, IntUnaryOperator.identity());
    }

    /**
     * @param sourceLine where a line of {@code text} came from in the officer's file: the identity for DRL,
     *                   the table row for DRL generated from a decision table
     */
    static DrlFile read(String displayPath, String text, String market, RegulationCatalog catalog,
                        List<PackProblem> problems, IntUnaryOperator sourceLine) {
        List<PackProblem> found = new ArrayList<>();
        DrlFile file = parse(displayPath, text, market, catalog, found, sourceLine);
        found.forEach(p -> problems.add(new PackProblem(p.file(), p.line() > 0 ? sourceLine.applyAsInt(p.line()) : 0, p.message())));
        return file;
    }

    private static DrlFile parse(String displayPath, String text, String market, RegulationCatalog catalog,
                                 List<PackProblem> problems, IntUnaryOperator sourceLine) {
        PackageDescr pkg;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            pkg = null;
        }
        if (pkg == null || parser.hasErrors()) {
            // the compiler reports syntax errors with their lines; nothing more can be read here
            return new DrlFile(displayPath, text, "", List.of(), sourceLine);
        }
        int before = problems.size();
        RuleSandbox.screen(displayPath, text, problems);
        if (problems.size() > before) {
            return new DrlFile(displayPath, text, "", List.of(), sourceLine); // refused before anything compiles
        }
        String[] lines = text.split("\n", -1);
        List<RuleMeta> rules = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            RuleMeta meta = meta(rule, lines, displayPath, market, catalog, problems, sourceLine);
            if (meta != null) {
                rules.add(meta);
            }
        }
        return new DrlFile(displayPath, text, pkg.getName(), rules, sourceLine);
    }

    private static RuleMeta meta(RuleDescr rule, String[] lines, String file, String market,
                                 RegulationCatalog catalog, List<PackProblem> problems, IntUnaryOperator sourceLine) {
        int line = rule.getLine();
        int before = problems.size();
        Map<String, String> a = rule.getAnnotationNames().stream()
                .collect(Collectors.toMap(n -> n, n -> value(rule.getAnnotation(n))));
        for (String name : a.keySet()) {
            if (!KNOWN.contains(name)) {
                problems.add(new PackProblem(file, line, "rule \"" + rule.getName() + "\": unknown metadata @" + name
                        + " (known: " + String.join(", ", KNOWN.stream().sorted().toList()) + ")"));
            }
        }
        String id = need(a, "id", rule, file, problems);
        Category category = oneOf(Category.class, need(a, "category", rule, file, problems), "category", rule, file, problems);
        Severity severity = oneOf(Severity.class, need(a, "severity", rule, file, problems), "severity", rule, file, problems);
        String regulationId = need(a, "regulation", rule, file, problems);
        var regulation = regulationId == null ? null : catalog.find(regulationId).orElse(null);
        if (regulationId != null && regulation == null) {
            problems.add(new PackProblem(file, line, "rule \"" + rule.getName() + "\": @regulation(\"" + regulationId
                    + "\") is not in country-regulations/"));
        }
        LocalDate from = date(need(a, "effectiveFrom", rule, file, problems), "effectiveFrom", rule, file, problems);
        LocalDate to = a.containsKey("effectiveTo") ? date(a.get("effectiveTo"), "effectiveTo", rule, file, problems) : null;
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add(new PackProblem(file, line, "rule \"" + rule.getName() + "\": @effectiveTo must be after @effectiveFrom"));
        }
        int points = 0;
        if (a.containsKey("penaltyPoints")) {
            try {
                points = Integer.parseInt(a.get("penaltyPoints"));
                if (points < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new PackProblem(file, line, "rule \"" + rule.getName() + "\": @penaltyPoints must be a whole number >= 0"));
            }
        }
        String country = a.get("country");
        if (country != null && !"*".equals(country)) {
            problems.add(new PackProblem(file, line, "rule \"" + rule.getName() + "\": @country may only be \"*\" (the finding applies everywhere)"));
        }
        if (problems.size() > before) {
            return null;
        }
        String when = String.join("\n", Arrays.copyOfRange(lines, Math.max(0, line - 1),
                Math.min(lines.length, Math.max(line, rule.getConsequenceLine()))));
        Matcher whenKeyword = WHEN.matcher(when);
        String condition = whenKeyword.find() ? when.substring(whenKeyword.end()) : when;
        if (negatesNumberComparison(condition)) {
            problems.add(new PackProblem(file, line, "rule \"" + rule.getName() + "\": a negated number comparison such as"
                    + " !(number(\"x\") < 3) also fires when the number is unknown; to mean that, write (!hasNumber(\"x\") || number(\"x\") >= 3)"
                    + " (or batteryWhKnown, laserMilliwattsKnown)"));
            return null;
        }
        return new RuleMeta(id, rule.getName(), market, file, sourceLine.applyAsInt(line), category, severity, regulation, from, to, points,
                "*".equals(country), RuleTerms.parse(condition),
                condition.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("then")).toList(),
                reported(rule, 1), reported(rule, 2));
    }

    /** The message (1) or fix (2) the rule's then part reports, as the running rule's string holds it. */
    private static String reported(RuleDescr rule, int group) {
        Matcher m = RuleSandbox.REPORT_ONLY.matcher(String.valueOf(rule.getConsequence()));
        return m.matches() ? unescape(m.group(group)) : "";
    }

    /** A Java string literal's content as the string it makes (backslash escapes of quotes, backslashes, n, t, r and u). */
    static String unescape(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 == literal.length()) {
                out.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    if (i + 4 < literal.length() && literal.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append("\\u");
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /**
     * A {@code !( ... )} group that compares a number. An unknown number matches no comparison, so the
     * negation would fire on every listing that does not say; the officer must say so explicitly with
     * {@code !hasNumber(...)}.
     */
    static boolean negatesNumberComparison(String condition) {
        for (int i = condition.indexOf('!'); i >= 0; i = condition.indexOf('!', i + 1)) {
            int open = i + 1;
            while (open < condition.length() && Character.isWhitespace(condition.charAt(open))) {
                open++;
            }
            if (open >= condition.length() || condition.charAt(open) != '(') {
                continue;
            }
            int depth = 0;
            int close = open;
            for (; close < condition.length(); close++) {
                char c = condition.charAt(close);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            if (NUMBER_COMPARISON.matcher(condition.substring(open, Math.min(close + 1, condition.length()))).find()) {
                return true;
            }
        }
        return false;
    }

    private static String value(AnnotationDescr a) {
        Object v = a.getSingleValueAsString();
        String s = v == null ? "" : v.toString().trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static String need(Map<String, String> a, String key, RuleDescr rule, String file, List<PackProblem> problems) {
        String v = a.get(key);
        if (v == null || v.isBlank()) {
            problems.add(new PackProblem(file, rule.getLine(), "rule \"" + rule.getName() + "\": @" + key + " is required"));
            return null;
        }
        return v;
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String v, String key, RuleDescr rule, String file,
                                               List<PackProblem> problems) {
        if (v == null) {
            return null;
        }
        for (E e : EnumSet.allOf(type)) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        problems.add(new PackProblem(file, rule.getLine(), "rule \"" + rule.getName() + "\": @" + key + "(\"" + v
                + "\") must be one of " + EnumSet.allOf(type)));
        return null;
    }

    private static LocalDate date(String v, String key, RuleDescr rule, String file, List<PackProblem> problems) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new PackProblem(file, rule.getLine(), "rule \"" + rule.getName() + "\": @" + key
                    + " must be a date YYYY-MM-DD, found \"" + v + "\""));
            return null;
        }
    }
}
