package preflight.ip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import preflight.listing.Evidence;
import preflight.listing.PhraseCache;
import preflight.listing.Product;
import preflight.listing.SearchableText;
import preflight.regulations.Regulation;
import preflight.regulations.RegulationCatalog;
import preflight.rules.Category;
import preflight.rules.Citation;
import preflight.rules.Finding;

/**
 * The IP screen, as a cascade. First the cheap, explainable part: counterfeit wording, and every famous
 * mark the lexicon finds, each use judged as the seller's own, a licence, nominative ("case for iPhone"),
 * generic ("polo shirt"), or infringing. Only the uses it cannot settle go to the classifier, once per
 * listing, so most checks never touch a model. Without a classifier (lexicon mode) doubt is reported as a
 * doubtful use.
 */
public final class IpScreen {

    /** Goods on which a character is merchandise rather than a mention. */
    private static final Set<String> CHARACTER_GOODS = Set.of("toys", "apparel", "footwear", "bags-luggage",
            "stationery-office", "textiles-home", "baby-products", "phone-accessories", "jewelry-watches",
            "food-contact", "personal-care", "sporting-goods", "lighting", "furniture", "pet-supplies", "other");
    /** Where "dupe", "inspired by" or "同款" alone suggests a copy of a branded product. */
    private static final Set<String> BRANDED_CATEGORIES = Set.of("apparel", "footwear", "bags-luggage",
            "jewelry-watches", "cosmetics", "personal-care", "eyewear", "wireless-audio", "phone-accessories");

    private final MarkLexicon lexicon;
    private final List<CounterfeitPhrase> phrases;
    private final IpClassifier classifier;
    private final Folding folding = new Folding();
    private final Ownership ownership;
    private final PhraseCache phraseCache = new PhraseCache();
    private final Map<IpFinding, Regulation> regulations = new LinkedHashMap<>();

    /** @param classifier judges what the lexicon leaves in doubt; null for the lexicon alone */
    public IpScreen(IpData data, RegulationCatalog catalog, IpClassifier classifier) {
        this.lexicon = data.lexicon();
        this.phrases = data.phrases();
        this.classifier = classifier;
        this.ownership = new Ownership(lexicon, folding);
        List<String> missing = new ArrayList<>();
        for (IpFinding kind : IpFinding.values()) {
            Optional<Regulation> r = catalog.find(kind.regulationId);
            r.ifPresentOrElse(reg -> regulations.put(kind, reg), () -> missing.add(kind.ruleId + " cites "
                    + kind.regulationId + ", which is not in country-regulations/"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidIpDataException(missing);
        }
    }

    public String classifierName() {
        return classifier == null ? "lexicon" : classifier.name();
    }

    public IpClassifier classifier() {
        return classifier;
    }

    public MarkLexicon lexicon() {
        return lexicon;
    }

    /** The screen's answer for one product on its own (tools, evaluation). */
    public IpResult screen(Product product) {
        return screen(product, new SearchableText(product.title(), product.description(), product.keywords(), phraseCache));
    }

    /** The screen's answer for one product; {@code text} is the listing's word index the rules use too. */
    public IpResult screen(Product product, SearchableText text) {
        String category = product.category();
        String brand = product.brand() == null ? "" : product.brand().strip();
        ListingWords words = new ListingWords(folding, product.title(), product.description(), product.keywords());
        Screening s = new Screening(product, words);

        List<Evidence> strong = new ArrayList<>();
        List<Evidence> weak = new ArrayList<>();
        List<Evidence> weakAlone = new ArrayList<>(); // weak wording that means something without a mark
        for (CounterfeitPhrase p : phrases) {
            if (p.notInCategories().contains(category)) {
                continue;
            }
            Optional<Evidence> found = text.find(p.text());
            // an innocent longer phrase ("1:1 scale") clears the words in the field where it stands
            if (found.isPresent() && p.unless().stream().map(text::find)
                    .noneMatch(u -> u.isPresent() && u.get().field().equals(found.get().field()))) {
                (p.strong() ? strong : weak).add(found.get());
                if (!p.strong() && !p.withMarkOnly()) {
                    weakAlone.add(found.get());
                }
            }
        }
        if (!strong.isEmpty()) {
            s.report(IpFinding.COUNTERFEIT_WORDING, null, strong, quoted(strong));
        }

        Map<Mark, List<MarkMention>> byMark = new LinkedHashMap<>();
        for (MarkMention m : lexicon.find(words)) {
            byMark.computeIfAbsent(m.mark(), k -> new ArrayList<>()).add(m);
        }
        List<Mark> doubtful = new ArrayList<>();
        List<MarkMention> doubtfulAt = new ArrayList<>();
        for (Map.Entry<Mark, List<MarkMention>> e : byMark.entrySet()) {
            Mark mark = e.getKey();
            MarkMention m = strongest(e.getValue());
            Judgement j = judge(mark, m, e.getValue(), s, brand, category, !strong.isEmpty(), weak);
            if (j == Judgement.DOUBT) {
                doubtful.add(mark);
                doubtfulAt.add(m);
            }
        }
        if (byMark.isEmpty() && !weakAlone.isEmpty() && BRANDED_CATEGORIES.contains(category) && strong.isEmpty()) {
            s.weakWithoutMark = weakAlone; // "inspired by", "dupe" with no mark: only a classifier can tell
        }
        if (!doubtful.isEmpty() || s.weakWithoutMark != null) {
            resolveDoubt(s, doubtful, doubtfulAt, product, brand);
        }
        return s.result();
    }

    private enum Judgement { SETTLED, DOUBT }

    private Judgement judge(Mark mark, MarkMention m, List<MarkMention> all, Screening s, String brand, String category,
                            boolean counterfeitWording, List<Evidence> weak) {
        List<Evidence> at = all.stream().map(x -> new Evidence(x.field(), x.text())).distinct().toList();
        String generic = MentionContext.genericUse(mark, s.words, m, category);
        if (generic != null) {
            s.note(mark, "generic", generic);
            return Judgement.SETTLED;
        }
        if (!brand.isEmpty() && !m.how().disguised() && ownership.ownedBy(mark, brand)) {
            boolean licensor = mark.licensors().stream().anyMatch(l -> ownership.sameName(l, brand)) && !ownership.sameName(mark.name(), brand);
            s.note(mark, licensor ? "licensed" : "own", "The declared brand '" + brand + "' is "
                    + (licensor ? "a licensor of " : "") + mark.name() + "'s own.");
            if (!counterfeitWording && mark.kind() == MarkKind.BRAND && !licensor) {
                s.authorisation(mark, brand);
            }
            return Judgement.SETTLED;
        }
        if (m.how() == MatchKind.LOOKALIKE && !mark.famousIn(category) && ownership.brandNames(brand).contains(ownership.folded(m.text()))) {
            s.note(mark, "own", "'" + m.text() + "' is the declared brand, a name of its own that only resembles "
                    + mark.name() + ", which is famous for other goods.");
            return Judgement.SETTLED;
        }
        if (m.how().disguised()) {
            if (m.ordinary() && !mark.famousIn(category)) {
                return Judgement.SETTLED; // "shel" on a phone case is a typo, not a disguised Shell
            }
            boolean plainly = m.how() != MatchKind.LOOKALIKE || mark.famousIn(category) || counterfeitWording || !weak.isEmpty();
            if (plainly) {
                s.report(IpFinding.DISGUISED_MARK, mark, at, null);
                return Judgement.SETTLED;
            }
            return Judgement.DOUBT;
        }
        if (MentionContext.styleWordAfter(s.words, m)) {
            if (m.ordinary()) {
                s.report(IpFinding.STYLE_REFERENCE, mark, at, null);
            } else {
                s.report(IpFinding.MARK_REFERENCE, mark, at, "'" + m.text() + " style'");
            }
            return Judgement.SETTLED;
        }
        if (!counterfeitWording) {
            String nominative = MentionContext.nominativeUse(mark, s.words, m, category, s.product.title(), !weak.isEmpty());
            if (nominative != null) {
                s.note(mark, "nominative", nominative);
                return Judgement.SETTLED;
            }
        }
        if (!weak.isEmpty()) {
            s.report(IpFinding.MARK_REFERENCE, mark, concat(at, weak), quoted(weak));
            return Judgement.SETTLED;
        }
        if (counterfeitWording) {
            s.report(mark.kind() == MarkKind.CHARACTER ? IpFinding.UNLICENSED_CHARACTER : IpFinding.UNAUTHORISED_MARK,
                    mark, at, null);
            return Judgement.SETTLED;
        }
        String licence = ownership.licensedUse(mark, brand, s.product);
        if (licence != null) {
            s.note(mark, "licensed", licence);
            s.authorisation(mark, brand);
            return Judgement.SETTLED;
        }
        if (mark.kind() == MarkKind.CHARACTER) {
            if (mark.famousIn(category) || CHARACTER_GOODS.contains(category)) {
                s.report(IpFinding.UNLICENSED_CHARACTER, mark, at, null);
                return Judgement.SETTLED;
            }
            return Judgement.DOUBT;
        }
        if (m.how() == MatchKind.WEAK) {
            return mark.famousIn(category) ? Judgement.DOUBT : Judgement.SETTLED;
        }
        // a device or platform named further on in a listing under the seller's own brand ("... works with
        // Alexa, Google Home") is probably a statement of compatibility: let the classifier weigh it
        boolean ownBrandFirst = mark.deviceMark() && !brand.isEmpty() && Ownership.brandBefore(brand, s.product.title(), m);
        if (m.inTitleOrKeywords() && mark.famousIn(category) && !m.ordinary() && !ownBrandFirst) {
            s.report(IpFinding.UNAUTHORISED_MARK, mark, at, null);
            return Judgement.SETTLED;
        }
        return Judgement.DOUBT;
    }

    private void resolveDoubt(Screening s, List<Mark> doubtful, List<MarkMention> at, Product product, String brand) {
        if (classifier == null) {
            reportDoubt(s, doubtful, at);
            return;
        }
        boolean chinese = mostlyChinese(product.title());
        IpQuestion q = new IpQuestion(questionText(product, chinese), chinese,
                doubtful.stream().map(Mark::name).toList(), product.category(), brand);
        Opinion o;
        try {
            o = classifier.classify(q);
        } catch (ClassifierUnavailableException e) {
            s.notes.add(new IpNote(String.join(", ", q.marks()), "classifier", "No classifier answer ("
                    + e.getMessage() + "); the lexicon's cautious answer stands."));
            reportDoubt(s, doubtful, at);
            return;
        }
        s.classifier = o.classifier();
        s.classifierRisk = o.probability();
        if (!o.infringing()) {
            s.notes.add(new IpNote(String.join(", ", q.marks()), "classifier",
                    String.format(Locale.ROOT, "Judged legitimate (infringement probability %.2f). %s", o.probability(), o.reasoning())));
            return;
        }
        s.notes.add(new IpNote(String.join(", ", q.marks()), "classifier",
                String.format(Locale.ROOT, "Judged infringing (probability %.2f). %s", o.probability(), o.reasoning())));
        reportDoubt(s, doubtful, at);
    }

    /** Doubt held against the listing: each doubtful mark, or the copy wording when no mark was named. */
    private static void reportDoubt(Screening s, List<Mark> doubtful, List<MarkMention> at) {
        for (int i = 0; i < doubtful.size(); i++) {
            s.report(IpFinding.DOUBTFUL_MARK, doubtful.get(i), List.of(new Evidence(at.get(i).field(), at.get(i).text())), null);
        }
        if (doubtful.isEmpty()) {
            s.report(IpFinding.COPY_WORDING, null, s.weakWithoutMark, quoted(s.weakWithoutMark));
        }
    }

    /** The mention that says most: a disguise first, then the title and keywords, then the description. */
    private static MarkMention strongest(List<MarkMention> mentions) {
        MarkMention best = mentions.get(0);
        for (MarkMention m : mentions) {
            if (rank(m) > rank(best)) {
                best = m;
            }
        }
        return best;
    }

    private static int rank(MarkMention m) {
        int r = m.how().disguised() ? 4 : m.how() == MatchKind.WEAK ? 0 : 2;
        return 2 * (r + (m.inTitleOrKeywords() ? 1 : 0)) + (m.ordinary() ? 0 : 1);
    }

    /**
     * The text a classifier reads: title, keywords, then the description while there is room. Short, like
     * the labelled examples, and because an embedding model's time grows with every token.
     */
    private static String questionText(Product p, boolean chinese) {
        int room = chinese ? 32 : 100;
        StringBuilder t = new StringBuilder(p.title());
        if (!p.keywords().isEmpty()) {
            t.append(" | ").append(String.join(", ", p.keywords()));
        }
        if (p.description() != null && !p.description().isBlank() && t.length() < room / 2) {
            t.append(" | ").append(p.description());
        }
        return t.length() > room ? t.substring(0, room) : t.toString();
    }

    static boolean mostlyChinese(String text) {
        int cjk = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (ListingWords.isCjk(c)) {
                    cjk++;
                }
            }
        }
        // a CJK character carries a word's meaning, a Latin letter a sound: weigh them so
        return cjk * 3 >= letters - cjk && cjk > 0;
    }

    private static String quoted(List<Evidence> evidence) {
        Set<String> seen = new LinkedHashSet<>();
        evidence.forEach(e -> seen.add("'" + e.text() + "'"));
        return String.join(", ", seen);
    }

    private static List<Evidence> concat(List<Evidence> a, List<Evidence> b) {
        List<Evidence> out = new ArrayList<>(a);
        b.stream().filter(e -> !out.contains(e)).forEach(out::add);
        return out;
    }

    /** The findings and notes of one listing while it is screened. */
    private final class Screening {
        final Product product;
        final ListingWords words;
        final List<Finding> findings = new ArrayList<>();
        final List<IpNote> notes = new ArrayList<>();
        final Set<String> brands = new LinkedHashSet<>();
        List<Evidence> weakWithoutMark;
        String classifier;
        double classifierRisk;

        Screening(Product product, ListingWords words) {
            this.product = product;
            this.words = words;
        }

        /** One reminder per listing to keep the right holder's authorisation or licence. */
        void authorisation(Mark mark, String brand) {
            if (findings.stream().noneMatch(f -> f.ruleId().equals(IpFinding.BRAND_AUTHORISATION.ruleId))) {
                report(IpFinding.BRAND_AUTHORISATION, mark, List.of(new Evidence("product.brand", brand)), null);
            }
        }

        void note(Mark mark, String use, String reason) {
            notes.add(new IpNote(mark.name(), use, reason));
        }

        void report(IpFinding kind, Mark mark, List<Evidence> evidence, String phrase) {
            Regulation r = regulations.get(kind);
            String brand = product.brand() == null || product.brand().isBlank() ? "missing" : "'" + product.brand().strip() + "'";
            String text = evidence.isEmpty() ? "" : evidence.get(0).text();
            String message = fill(kind.message, mark, text, phrase, brand);
            String fix = fill(kind.fix, mark, text, phrase, brand);
            if (mark != null && kind.severity.compareTo(preflight.rules.Severity.LOW) > 0) {
                brands.add(mark.name());
            }
            findings.add(new Finding(kind.ruleId, "*", Category.IP, kind.severity, message,
                    new Citation(r.id(), r.title(), r.url()), List.copyOf(evidence), fix, r.inForceFrom(), null, 0));
        }

        IpResult result() {
            double risk = 0.0;
            for (Finding f : findings) {
                risk = Math.max(risk, switch (f.severity()) {
                    case CRITICAL -> 0.95;
                    case HIGH -> 0.8;
                    case MEDIUM -> 0.5;
                    case LOW -> 0.15;
                    case INFO -> 0.05;
                });
            }
            if (classifier != null) {
                risk = Math.max(risk, Math.min(classifierRisk, 0.49));
            }
            return new IpResult(List.copyOf(findings), new IpVerdict(Math.round(risk * 100) / 100.0, List.copyOf(brands),
                    classifier == null ? "lexicon" : classifier, List.copyOf(notes), true));
        }
    }

    private static String fill(String template, Mark mark, String text, String phrase, String brand) {
        return template.replace("{mark}", mark == null ? "" : mark.name())
                .replace("{owner}", mark == null ? "" : mark.owner())
                .replace("{text}", text)
                .replace("{phrase}", phrase == null ? "'" + text + "'" : phrase)
                .replace("{brand}", brand);
    }
}
