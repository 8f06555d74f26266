package preflight.ip;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import preflight.listing.Product;

/**
 * Whose mark it is: the declared brand is the mark's owner (by name, alias, company or a sister mark), a
 * licensor, or a licensee that says so. A use the seller has a right to is not an infringement.
 */
final class Ownership {

    private static final List<String> LICENCE_CUES = List.of("officially licensed", "official licensed", "licensed",
            "licence", "license", "official", "authorized", "authorised", "正版", "授权", "官方", "联名");

    private final MarkLexicon lexicon;
    private final Folding folding;
    private final Map<String, String> companies = new ConcurrentHashMap<>();

    Ownership(MarkLexicon lexicon, Folding folding) {
        this.lexicon = lexicon;
        this.folding = folding;
    }

    /**
     * The declared brand (or one of its parts: "Roborock 石头") is the mark, one of its names, its owner, a
     * licensor, or another mark of the same owner (brand "Apple" selling AirPods).
     */
    boolean ownedBy(Mark mark, String brand) {
        Set<String> names = brandNames(brand);
        List<String> candidates = new ArrayList<>();
        candidates.add(mark.name());
        candidates.add(mark.owner());
        candidates.add(company(mark.owner()));
        candidates.addAll(mark.aliases());
        candidates.addAll(mark.licensors());
        for (String c : candidates) {
            if (names.contains(folded(c))) {
                return true;
            }
        }
        String first = mark.owner().replaceFirst("(?i)^the\\s+", "").split("[\\s,(]+")[0];
        if (first.length() >= 4 && names.contains(folded(first))) {
            return true; // "Casio" for "Casio Computer Co., Ltd."
        }
        // the brand is another mark of the same company, or of a licensor: "Apple" for AirPods, "泡泡玛特" for Labubu
        String owner = company(mark.owner());
        Set<String> licensors = new LinkedHashSet<>();
        mark.licensors().forEach(l -> licensors.add(folded(l)));
        for (String name : names) {
            for (Mark other : lexicon.named(name)) {
                if (company(other.owner()).equals(owner) || licensors.contains(folded(other.name()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The declared brand whole and in its parts, folded. */
    Set<String> brandNames(String brand) {
        Set<String> names = new LinkedHashSet<>();
        if (brand.isBlank()) {
            return names;
        }
        names.add(folded(brand));
        for (String part : brand.split("[\\s/|,&+]+|(?<=\\p{IsHan})(?=\\p{IsLatin})|(?<=\\p{IsLatin})(?=\\p{IsHan})")) {
            if (!part.isBlank()) {
                names.add(folded(part));
            }
        }
        return names;
    }

    String folded(String name) {
        return String.join("", folding.foldWords(name));
    }

    /** A company's name without its legal form: "Apple Inc." and "Apple" are one company. */
    private String company(String owner) {
        return companies.computeIfAbsent(owner, this::companyOf);
    }

    private String companyOf(String owner) {
        String first = owner.split("[(]")[0];
        return folded(first.replaceAll("(?i)\\b(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|se|sa|s\\.a|s\\.p\\.a|spa|gmbh|nv|n\\.v|bv|kk|k\\.k|group|holdings?)\\b\\.?", " "));
    }

    boolean sameName(String a, String b) {
        return folded(a).equals(folded(b));
    }

    /**
     * Why the use looks licensed, or null: the seller declares a brand and says the goods are official or
     * licensed ("officially licensed", "正版授权"), or the declared brand is itself a famous maker that
     * licenses characters (LEGO, Funko, Hasbro). The seller is reminded to keep the licence.
     */
    String licensedUse(Mark mark, String brand, Product p) {
        if (brand.isEmpty()) {
            return null;
        }
        String text = (p.title() + " " + String.join(" ", p.keywords()) + " " + (p.description() == null ? "" : p.description()))
                .toLowerCase(Locale.ROOT);
        for (String cue : LICENCE_CUES) {
            if (text.contains(cue)) {
                return "The listing says the goods are licensed ('" + cue + "') under the declared brand '" + brand
                        + "'; keep the licence for " + mark.name() + " ready.";
            }
        }
        for (String name : brandNames(brand)) {
            for (Mark maker : lexicon.named(name)) {
                if (maker != mark && maker.kind() == MarkKind.BRAND && maker.famousIn("toys")
                        && (mark.kind() == MarkKind.CHARACTER || "toys".equals(p.category()))) {
                    return "The declared brand '" + brand + "' is a famous toy maker that licenses characters and marks; keep"
                            + " the licence for " + mark.name() + " ready.";
                }
            }
        }
        return null;
    }

    /** The declared brand is written in the title before the mention: the seller's own product, named first. */
    static boolean brandBefore(String brand, String title, MarkMention m) {
        if (!m.field().equals("product.title")) {
            return false;
        }
        int at = title.toLowerCase(Locale.ROOT).indexOf(brand.toLowerCase(Locale.ROOT));
        return at >= 0 && at < m.at();
    }
}
