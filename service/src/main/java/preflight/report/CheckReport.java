package preflight.report;

import static preflight.report.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import preflight.check.Verdict;
import preflight.ip.IpNote;
import preflight.listing.Evidence;
import preflight.rules.Finding;
import preflight.scoring.StoreScore;

/**
 * One check as a page a seller can act on: the decision, the listing with what the rules found marked,
 * the findings by market (why, the regulation, where, how to fix it, the points at stake), the rules
 * that start later on a timeline, the store-score forecast as a chart, and the IP verdict.
 */
public final class CheckReport {

    private final RuleTranslations translations;

    public CheckReport(RuleTranslations translations) {
        this.translations = translations;
    }

    /**
     * @param request        the check request as the listing flow sent it
     * @param fallingLedger  true for ledgers that are scores that fall (the thresholds are lower limits)
     * @param otherLocaleUrl the same report in the other language
     */
    public String render(Verdict v, JsonNode request, ReportText t, Predicate<String> fallingLedger, String otherLocaleUrl) {
        StringBuilder b = new StringBuilder();
        String title = request.path("product").path("title").asText("");
        List<Finding> all = new ArrayList<>(v.findings());
        all.addAll(v.upcoming());
        Map<Finding, RuleTranslations.Words> words = new LinkedHashMap<>();
        all.forEach(f -> words.put(f, translations.words(f, t.locale())));
        long untranslated = words.values().stream().filter(w -> !w.translated()).count();

        b.append("<header class=\"decision decision-").append(v.decision()).append("\" id=\"decision\">")
                .append("<div class=\"tools\"><a href=\"").append(esc(otherLocaleUrl)).append("\" id=\"other-locale\">")
                .append(esc(t.t("report.other.locale"))).append("</a><button type=\"button\" onclick=\"window.print()\">")
                .append(esc(t.t("report.print"))).append("</button></div>")
                .append("<p>").append(esc(t.t("decision.label"))).append(": <strong data-decision=\"").append(v.decision()).append("\">")
                .append(v.decision()).append("</strong></p>")
                .append("<h1>").append(esc(t.t("decision." + v.decision()))).append("</h1><p>");
        Set<String> markets = new LinkedHashSet<>();
        v.findings().forEach(f -> markets.add(f.country()));
        b.append(esc(v.findings().isEmpty() ? t.t("summary.none")
                : t.t("summary.findings", v.findings().size(), markets.size(), v.riskScore()))).append("</p>")
                .append("<p class=\"small\">").append(esc(t.t("report.check", v.checkId(), v.asOf()))).append(" · ")
                .append(esc(t.t("report.packs", String.join(", ", v.rulePacks().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList())))).append("</p></header>\n");
        if (untranslated > 0) {
            b.append("<p class=\"note\" id=\"fallback-note\">").append(esc(t.t("fallback.some", untranslated, languageName(t))))
                    .append("</p>\n");
        }
        listing(b, request, all, t);
        findings(b, v.findings(), words, t);
        upcoming(b, v, words, t);
        storeScore(b, v.storeScore(), fallingLedger, t);
        ip(b, v, t);
        b.append("<footer>").append(esc(t.t("footer"))).append("</footer>");
        return Html.page(t.htmlLang(), t.t("report.title", title), b.toString());
    }

    private static String languageName(ReportText t) {
        return t.locale().equals("zh") ? "中文" : t.locale();
    }

    private void listing(StringBuilder b, JsonNode request, List<Finding> findings, ReportText t) {
        Map<String, List<String>> marks = new TreeMap<>();
        for (Finding f : findings) {
            for (Evidence e : f.evidence()) {
                marks.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.text());
            }
        }
        JsonNode p = request.path("product");
        b.append("<section id=\"listing\"><h2>").append(esc(t.t("section.listing"))).append("</h2><table class=\"listing\">");
        row(b, t.t("listing.title"), Highlight.mark(p.path("title").asText(""), marks.get("product.title")));
        if (p.hasNonNull("description")) {
            row(b, t.t("listing.description"), Highlight.mark(p.path("description").asText(""), marks.get("product.description")));
        }
        if (p.hasNonNull("brand")) {
            row(b, t.t("listing.brand"), Highlight.mark(p.path("brand").asText(""), marks.get("product.brand")));
        }
        if (p.path("keywords").isArray() && !p.path("keywords").isEmpty()) {
            List<String> kw = new ArrayList<>();
            p.path("keywords").forEach(k -> kw.add(k.asText()));
            List<String> found = new ArrayList<>();
            marks.forEach((field, texts) -> {
                if (field.startsWith("product.keywords")) {
                    found.addAll(texts);
                }
            });
            row(b, t.t("listing.keywords"), Highlight.mark(String.join(", ", kw), found));
        }
        row(b, t.t("listing.category"), Highlight.mark(p.path("category").asText(""), marks.get("product.category")));
        if (p.path("attributes").isObject() && !p.path("attributes").isEmpty()) {
            StringBuilder a = new StringBuilder();
            p.path("attributes").fields().forEachRemaining(e -> {
                String value = e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString();
                a.append(a.isEmpty() ? "" : "<br>").append(esc(e.getKey())).append(": ")
                        .append(Highlight.mark(value, marks.get("product.attributes." + e.getKey())));
            });
            row(b, t.t("listing.attributes"), a.toString());
        }
        List<String> certs = new ArrayList<>();
        p.path("certifications").forEach(c -> certs.add(c.asText()));
        row(b, t.t("listing.certifications"), esc(certs.isEmpty() ? t.t("listing.none") : String.join(", ", certs)));
        List<String> targets = new ArrayList<>();
        request.path("targetCountries").forEach(c -> targets.add(t.market(c.asText().toUpperCase(java.util.Locale.ROOT))));
        row(b, t.t("listing.targets"), esc(String.join(", ", targets)));
        b.append("</table></section>\n");
    }

    private static void row(StringBuilder b, String label, String html) {
        b.append("<tr><th>").append(esc(label)).append("</th><td>").append(html).append("</td></tr>");
    }

    private void findings(StringBuilder b, List<Finding> findings, Map<Finding, RuleTranslations.Words> words, ReportText t) {
        b.append("<section id=\"findings\"><h2>").append(esc(t.t("section.findings"))).append("</h2>");
        if (findings.isEmpty()) {
            b.append("<p>").append(esc(t.t("summary.none"))).append("</p>");
        }
        Map<String, List<Finding>> byMarket = new LinkedHashMap<>();
        findings.stream().sorted(Comparator.comparing((Finding f) -> f.country().equals("*") ? "" : f.country()))
                .forEach(f -> byMarket.computeIfAbsent(f.country(), k -> new ArrayList<>()).add(f));
        for (Map.Entry<String, List<Finding>> m : byMarket.entrySet()) {
            b.append("<h3 data-market=\"").append(esc(m.getKey())).append("\">").append(esc(t.market(m.getKey())))
                    .append(" <span class=\"muted\">(").append(m.getValue().size()).append(")</span></h3>");
            m.getValue().forEach(f -> finding(b, f, words.get(f), t, false));
        }
        b.append("</section>\n");
    }

    private static void finding(StringBuilder b, Finding f, RuleTranslations.Words w, ReportText t, boolean upcoming) {
        b.append("<article class=\"finding sev-").append(f.severity()).append("\" data-rule=\"").append(esc(f.ruleId())).append("\">")
                .append("<div class=\"head\"><span class=\"badge sev-").append(f.severity()).append("\">")
                .append(esc(t.t("severity." + f.severity()))).append("</span><span class=\"badge\">")
                .append(esc(t.t("category." + f.category()))).append("</span><span class=\"rule-id\">").append(esc(f.ruleId()))
                .append("</span>");
        if (upcoming) {
            b.append("<span class=\"badge\">").append(esc(t.t("upcoming.starts", f.effectiveFrom()))).append("</span>");
        }
        if (!w.translated()) {
            b.append("<span class=\"fallback\">").append(esc(t.t("fallback.one"))).append("</span>");
        }
        b.append("</div><dl><dt>").append(esc(t.t("finding.why"))).append("</dt><dd class=\"message\">").append(esc(w.message()))
                .append("</dd><dt>").append(esc(t.t("finding.regulation"))).append("</dt><dd>")
                .append(Html.link(f.regulation().url(), f.regulation().title())).append(" <span class=\"muted\">")
                .append(esc(f.effectiveTo() == null ? t.t("finding.in.force", f.effectiveFrom())
                        : t.t("finding.in.force", f.effectiveFrom()) + ", " + t.t("finding.until", f.effectiveTo())))
                .append("</span></dd>");
        if (!f.evidence().isEmpty()) {
            b.append("<dt>").append(esc(t.t("finding.where"))).append("</dt><dd>");
            for (int i = 0; i < f.evidence().size(); i++) {
                Evidence e = f.evidence().get(i);
                String text = e.field().equals("product.certifications") && e.text().equals("none declared") ? t.t("listing.none") : e.text();
                b.append(i == 0 ? "" : "<br>").append("<span class=\"muted\">").append(esc(e.field())).append(":</span> <mark>")
                        .append(esc(text)).append("</mark>");
            }
            b.append("</dd>");
        }
        b.append("<dt>").append(esc(t.t("finding.fix"))).append("</dt><dd class=\"fix\">").append(esc(w.fix())).append("</dd>");
        if (f.penaltyPoints() > 0) {
            b.append("<dt></dt><dd class=\"muted\">").append(esc(t.t("finding.cost", f.penaltyPoints()))).append("</dd>");
        }
        b.append("</dl></article>");
    }

    private static void upcoming(StringBuilder b, Verdict v, Map<Finding, RuleTranslations.Words> words, ReportText t) {
        b.append("<section id=\"upcoming\"><h2>").append(esc(t.t("section.upcoming"))).append("</h2>");
        if (v.upcoming().isEmpty()) {
            b.append("<p>").append(esc(t.t("upcoming.none"))).append("</p></section>\n");
            return;
        }
        List<Charts.Event> events = v.upcoming().stream()
                .map(f -> new Charts.Event(f.effectiveFrom(), f.ruleId() + (f.country().equals("*") ? "" : " (" + f.country() + ")")))
                .toList();
        b.append("<figure id=\"timeline\">").append(Charts.timeline(t.t("section.upcoming"), v.asOf(), events, t)).append("</figure>");
        v.upcoming().forEach(f -> finding(b, f, words.get(f), t, true));
        b.append("</section>\n");
    }

    private static void storeScore(StringBuilder b, StoreScore s, Predicate<String> falling, ReportText t) {
        b.append("<section id=\"store-score\"><h2>").append(esc(t.t("section.score"))).append("</h2>");
        if (s == null || !s.available()) {
            b.append("<p>").append(esc(t.t("score.unavailable", s == null ? "" : s.reason()))).append("</p></section>\n");
            return;
        }
        for (StoreScore.LedgerForecast l : s.ledgers() == null ? List.<StoreScore.LedgerForecast>of() : s.ledgers()) {
            boolean down = falling.test(l.id());
            Map<Integer, String> thresholds = new TreeMap<>();
            l.sanctions().forEach((at, sanction) -> thresholds.put(Integer.parseInt(at), sanction));
            String title = t.t("score.ledger", l.title(), s.platform());
            b.append("<h3>").append(esc(title)).append("</h3><figure class=\"score-chart\">")
                    .append(Charts.ledger(title, l.currentPoints(), l.expectedPoints(), thresholds, t)).append("</figure><ul>");
            thresholds.forEach((at, sanction) -> b.append("<li>").append(esc(t.t("score.threshold", at, sanction))).append(" — ")
                    .append(esc(t.t(down ? "score.chance.down" : "score.chance", at,
                            t.percent(l.breachProbability().getOrDefault(String.valueOf(at), 0.0))))).append("</li>"));
            b.append("</ul>");
        }
        if (s.strikes() != null) {
            for (StoreScore.StrikeForecast st : s.strikes()) {
                b.append("<p>").append(esc(t.t("score.strike", st.id(), st.current(), st.limit(), t.percent(st.probabilityOfLimit()),
                        st.sanction()))).append("</p>");
            }
        }
        if (s.drivers() != null && !s.drivers().isEmpty()) {
            b.append("<h3>").append(esc(t.t("score.drivers"))).append("</h3><table><tbody>");
            s.drivers().stream().limit(5).forEach(d -> b.append("<tr><td class=\"rule-id\">").append(esc(d.ruleId())).append("</td><td>")
                    .append(esc(t.market(d.country()))).append("</td><td>").append(esc(t.percent(d.probability()))).append(" × ")
                    .append(d.points()).append(" = ").append(esc(t.number(d.expectedPoints()))).append("</td></tr>"));
            b.append("</tbody></table>");
        }
        if (Boolean.TRUE.equals(s.unconfirmed())) {
            b.append("<p class=\"muted\">").append(esc(t.t("score.unconfirmed"))).append("</p>");
        }
        b.append("</section>\n");
    }

    private static void ip(StringBuilder b, Verdict v, ReportText t) {
        b.append("<section id=\"ip\"><h2>").append(esc(t.t("section.ip"))).append("</h2>");
        if (!v.ip().checked()) {
            b.append("<p>").append(esc(t.t("ip.off"))).append("</p></section>\n");
            return;
        }
        b.append("<p>").append(esc(t.t("ip.risk", t.percent(v.ip().risk())))).append("</p>");
        if (!v.ip().brands().isEmpty()) {
            b.append("<p>").append(esc(t.t("ip.brands", String.join(", ", v.ip().brands())))).append("</p>");
        }
        b.append("<p class=\"muted\">").append(esc(t.t("ip.classifier", v.ip().classifier()))).append("</p>");
        if (!v.ip().notes().isEmpty()) {
            b.append("<h3>").append(esc(t.t("ip.notes"))).append("</h3><ul>");
            for (IpNote n : v.ip().notes()) {
                b.append("<li>").append(n.mark().isEmpty() ? "" : "<strong>" + esc(n.mark()) + "</strong> (" + esc(n.use()) + "): ")
                        .append(esc(n.reason())).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("</section>\n");
    }

}
