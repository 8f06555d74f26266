package preflight.listing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the rules may ask about one submitted product, computed once per check and shared by the
 * {@link Listing} facts of every target market.
 */
public final class ProductFacts {

    /** Other spellings sellers use for the same mark. */
    private static final Map<String, String> CERT_ALIASES = Map.of(
            "TELEC", "GITEKI", "技適", "GITEKI", "技适", "GITEKI", "KCMARK", "KC", "FCCID", "FCC",
            "UKCAMARK", "UKCA", "CEMARK", "CE", "RCMMARK", "RCM");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s._-]");

    final Product product;
    final Seller seller;
    final SearchableText text;
    final Map<Trait, Evidence> traits;
    final Inference.Measured batteryWh;
    final Inference.Measured laserMilliwatts;
    final Inference.Measured minimumAge;
    final Set<String> certifications;
    /** Upper case, "" when not given: what rules compare. */
    final String sellerCountry;
    final String origin;
    /**
     * Answers to mentionsAny by call, for the other markets of the same check: global rules run in every
     * market's pack. Concurrent because Drools' background jitter may evaluate a constraint meanwhile.
     */
    final Map<PhraseList, Boolean> mentions = new ConcurrentHashMap<>(256);

    /** For one-off use (tests, tools): phrases are prepared for this listing alone. */
    public ProductFacts(Product product, Seller seller) {
        this(product, seller, new PhraseCache());
    }

    /** @param phrases prepared phrases shared between checks, so each is normalised once */
    public ProductFacts(Product product, Seller seller, PhraseCache phrases) {
        this.product = product;
        this.seller = seller;
        this.text = new SearchableText(product.title(), product.description(), product.keywords(), phrases);
        this.traits = Inference.traits(product.category(), product.attributes(), text);
        this.batteryWh = Inference.batteryWh(product.attributes(), text);
        this.laserMilliwatts = Inference.laserMilliwatts(product.attributes(), text);
        this.minimumAge = Inference.minimumAge(product.attributes(), text);
        this.sellerCountry = seller.country() == null ? "" : seller.country().toUpperCase(Locale.ROOT);
        this.origin = product.origin() == null ? "" : product.origin().toUpperCase(Locale.ROOT);
        this.certifications = new HashSet<>();
        for (String c : product.certifications()) {
            certifications.add(canonicalCertification(c));
        }
    }

    public static String canonicalCertification(String mark) {
        String c = SEPARATORS.matcher(mark.toUpperCase(Locale.ROOT)).replaceAll("");
        return CERT_ALIASES.getOrDefault(c, c);
    }

    public Product product() {
        return product;
    }

    public Seller seller() {
        return seller;
    }

    /** The listing's word index, for readers other than rules (the IP screen). */
    public SearchableText text() {
        return text;
    }

    /** The listing as the rules of one market see it. */
    public Listing forMarket(String market) {
        return new Listing(this, market);
    }
}
