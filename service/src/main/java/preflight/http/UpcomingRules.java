package preflight.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import preflight.listing.Countries;
import preflight.rules.RuleMeta;
import preflight.rules.RulePack;
import preflight.rules.RulePacks;

/**
 * {@code GET /v1/regulations/upcoming?country=DE&within=365d[&asOf=YYYY-MM-DD]}: the rules that start to
 * apply in a market within a window, soonest first, so a seller can prepare before they bite.
 */
final class UpcomingRules {

    private static final Pattern WITHIN = Pattern.compile("(\\d{1,5})d?");
    private static final int MAX_DAYS = 3650;

    private final Clock clock;

    UpcomingRules(Clock clock) {
        this.clock = clock;
    }

    Object answer(Context ctx, RulePacks packs) {
        List<FieldProblem> problems = new ArrayList<>();
        String country = ctx.queryParam("country");
        if (country == null || country.isBlank()) {
            problems.add(new FieldProblem("country", "required: an ISO 3166-1 alpha-2 code, EU or UK"));
        } else {
            country = country.trim().toUpperCase(Locale.ROOT);
            if (!Countries.isKnown(country)) {
                problems.add(new FieldProblem("country", "unknown country code; use ISO 3166-1 alpha-2, EU or UK"));
            }
        }
        int days = 365;
        String within = ctx.queryParam("within");
        if (within != null) {
            Matcher m = WITHIN.matcher(within.trim());
            if (m.matches() && Integer.parseInt(m.group(1)) <= MAX_DAYS) {
                days = Integer.parseInt(m.group(1));
            } else {
                problems.add(new FieldProblem("within", "a number of days such as 365d, at most " + MAX_DAYS));
            }
        }
        LocalDate asOf = LocalDate.now(clock);
        String asOfText = ctx.queryParam("asOf");
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("asOf", "must be a date YYYY-MM-DD"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        RulePack pack = packs.forCountry(country);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleMeta r : pack.rulesStarting(asOf, asOf.plusDays(days))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ruleId", r.id());
            row.put("rule", r.name());
            row.put("market", r.market());
            row.put("category", r.category());
            row.put("severity", r.severity());
            row.put("effectiveFrom", r.effectiveFrom());
            row.put("regulation", Map.of("id", r.regulation().id(), "title", r.regulation().title(),
                    "url", r.regulation().url()));
            rules.add(row);
        }
        return Map.of("country", country, "asOf", asOf, "until", asOf.plusDays(days), "rules", rules);
    }
}
