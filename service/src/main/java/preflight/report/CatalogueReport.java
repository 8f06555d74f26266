package preflight.report;

import static preflight.report.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import preflight.batch.Catalogue;

/**
 * A whole catalogue's check as a page: decisions, findings by market and category, the rules that fire most,
 * the listings to fix first, what rules that start later will break and when, the store-score forecast if
 * the whole catalogue goes live, and the rows that could not be checked.
 */
public final class CatalogueReport {

    private static final Map<String, String> DECISION_COLORS = Map.of("PASS", "#1b7f3b", "WARN", "#b26a00", "BLOCK", "#b3261e");

    public String render(String batchId, String status, Catalogue c, ReportText t, String otherLocaleUrl) {
        StringBuilder b = new StringBuilder();
        String worst = c.decisions().getOrDefault("BLOCK", 0) > 0 ? "BLOCK" : c.decisions().getOrDefault("WARN", 0) > 0 ? "WARN" : "PASS";
        b.append("<header class=\"decision decision-").append(worst).append("\" id=\"decision\">")
                .append("<div class=\"tools\"><a href=\"").append(esc(otherLocaleUrl)).append("\" id=\"other-locale\">")
                .append(esc(t.t("report.other.locale"))).append("</a><button type=\"button\" onclick=\"window.print()\">")
                .append(esc(t.t("report.print"))).append("</button></div>")
                .append("<h1>").append(esc(t.t("catalogue.title", batchId))).append("</h1><p>")
                .append(esc(t.t("catalogue.batch", batchId, c.listings(), c.checked(), c.refused()))).append("</p><p>")
                .append(esc(t.t("catalogue.status", status))).append("</p></header>\n");

        b.append("<section id=\"decisions\"><h2>").append(esc(t.t("catalogue.decisions"))).append("</h2><figure>");
        List<Charts.Bar> decisions = new ArrayList<>();
        for (String d : List.of("BLOCK", "WARN", "PASS")) {
            decisions.add(new Charts.Bar(d + " · " + t.t("decision." + d), c.decisions().getOrDefault(d, 0), DECISION_COLORS.get(d)));
        }
        b.append(Charts.bars(t.t("catalogue.decisions"), decisions, t)).append("</figure></section>\n");

        b.append("<section id=\"by-market\"><h2>").append(esc(t.t("catalogue.by.market"))).append("</h2><figure>")
                .append(Charts.bars(t.t("catalogue.by.market"), top(c.findingsByMarket(), 15).stream()
                        .map(e -> new Charts.Bar(t.market(e.getKey()), e.getValue(), "#3b5bdb")).toList(), t))
                .append("</figure></section>\n");
        b.append("<section id=\"by-category\"><h2>").append(esc(t.t("catalogue.by.category"))).append("</h2><figure>")
                .append(Charts.bars(t.t("catalogue.by.category"), top(c.listingsByCategory(), 15).stream()
                        .map(e -> new Charts.Bar(e.getKey(), e.getValue(), "#5f3dc4")).toList(), t))
                .append("</figure></section>\n");

        b.append("<section id=\"rules\"><h2>").append(esc(t.t("catalogue.by.rule"))).append("</h2><table><thead><tr><th>")
                .append(esc(t.t("catalogue.rule"))).append("</th><th></th><th>").append(esc(t.t("finding.regulation")))
                .append("</th><th>").append(esc(t.t("catalogue.count"))).append("</th></tr></thead><tbody>");
        for (Catalogue.RuleCount r : c.rules()) {
            b.append("<tr><td class=\"rule-id\">").append(esc(r.ruleId())).append("</td><td><span class=\"badge sev-").append(esc(r.severity()))
                    .append("\">").append(esc(t.t("severity." + r.severity()))).append("</span> ").append(esc(t.t("category." + r.category())))
                    .append("</td><td>").append(Html.link(r.url(), r.regulation())).append("</td><td>").append(r.listings()).append("</td></tr>");
        }
        b.append("</tbody></table></section>\n");

        b.append("<section id=\"worst\"><h2>").append(esc(t.t("catalogue.worst"))).append("</h2><table><tbody>");
        for (Catalogue.Listing l : c.worst()) {
            b.append("<tr><td class=\"nowrap\">").append(esc(t.t("catalogue.line", l.line()))).append("</td><td>").append(esc(l.submissionId()))
                    .append("</td><td>").append(esc(l.title())).append("</td><td><strong>").append(l.decision()).append("</strong> ")
                    .append(l.riskScore()).append("</td><td class=\"rule-list\">").append(esc(String.join(", ", l.rules()))).append("</td></tr>");
        }
        b.append("</tbody></table></section>\n");

        b.append("<section id=\"upcoming\"><h2>").append(esc(t.t("catalogue.upcoming"))).append("</h2>");
        if (c.upcoming().isEmpty() || c.asOf() == null) {
            b.append("<p>").append(esc(t.t("upcoming.none"))).append("</p>");
        } else {
            b.append("<figure id=\"timeline\">").append(Charts.timeline(t.t("catalogue.upcoming"), c.asOf(), c.upcoming().stream()
                    .map(u -> new Charts.Event(u.effectiveFrom(), u.ruleId() + " ×" + u.listings())).toList(), t)).append("</figure><ul>");
            for (Catalogue.Upcoming u : c.upcoming()) {
                b.append("<li>").append(esc(t.t("catalogue.upcoming.row", u.effectiveFrom(), u.listings(), u.ruleId() + ", "
                        + t.market(u.country())))).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("</section>\n");

        b.append("<section id=\"store-score\"><h2>").append(esc(t.t("catalogue.score"))).append("</h2>");
        for (Catalogue.LedgerTotal l : c.score().stream().limit(10).toList()) {
            Map<Integer, String> thresholds = new TreeMap<>();
            l.sanctions().forEach((at, s) -> thresholds.put(Integer.parseInt(at), s));
            String title = l.sellerId() + " · " + t.t("score.ledger", l.title(), l.platform());
            b.append("<h3>").append(esc(title)).append("</h3><figure class=\"score-chart\">")
                    .append(Charts.ledger(title, l.current(), l.expected(), thresholds, t)).append("</figure><p>")
                    .append(esc(t.t("catalogue.score.text", t.number(l.expected()), l.title(), l.current(), l.listingsWithFindings())))
                    .append("</p>");
        }
        b.append("</section>\n");

        if (!c.problems().isEmpty()) {
            b.append("<section id=\"problems\"><h2>").append(esc(t.t("catalogue.errors"))).append("</h2><table><tbody>");
            c.problems().forEach(p -> b.append("<tr><td class=\"nowrap\">").append(esc(t.t("catalogue.line", p.line()))).append("</td><td>")
                    .append(esc(p.problem())).append("</td></tr>"));
            b.append("</tbody></table></section>\n");
        }
        b.append("<footer>").append(esc(t.t("footer"))).append("</footer>");
        return Html.page(t.htmlLang(), t.t("catalogue.title", batchId), b.toString());
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).limit(n).toList();
    }
}
