package preflight.listing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fact a rule pack matches: one product, seen from one target market. Rules match this one fact
 * (joins over several facts are far slower), through readable properties and helpers:
 *
 * <pre>
 *   Listing( wireless, !hasCertification("GITEKI") )
 *   Listing( category == "toys", mentionsAny("magnet", "磁铁") )
 *   Listing( lithiumBattery, batteryWh &gt; 100 )
 * </pre>
 */
public final class Listing {

    private final ProductFacts facts;
    private final String market;

    Listing(ProductFacts facts, String market) {
        this.facts = facts;
        this.market = market;
    }

    // ---- where the listing is going ----

    /** The target country the rules run for, as the caller wrote it ("DE", "US", "EU" for the bloc). */
    public String getMarket() {
        return market;
    }

    public boolean isEuMember() {
        return Countries.isEuMember(market) || Countries.EU.equals(market);
    }

    /** True when the target market is one of these codes ({@code UK} and {@code GB} are the same). */
    public boolean marketIn(String... codes) {
        return anyCountry(market, codes);
    }

    // ---- who sells it and where it comes from ----

    public String getSellerCountry() {
        return facts.sellerCountry;
    }

    public String getOrigin() {
        return facts.origin;
    }

    public boolean originIn(String... codes) {
        return anyCountry(getOrigin(), codes);
    }

    public boolean sellerCountryIn(String... codes) {
        return anyCountry(getSellerCountry(), codes);
    }

    // ---- what it is ----

    public String getCategory() {
        return facts.product.category();
    }

    public String getBrand() {
        return facts.product.brand();
    }

    public String getHsCode() {
        return facts.product.hsCode() == null ? "" : facts.product.hsCode().replaceAll("[^0-9]", "");
    }

    /** True when the HS code starts with one of these prefixes (digits only: "8518", "850760"). */
    public boolean hsCodeStartsWith(String... prefixes) {
        String hs = getHsCode();
        for (String p : prefixes) {
            if (!hs.isEmpty() && hs.startsWith(p.replaceAll("[^0-9]", ""))) {
                return true;
            }
        }
        return false;
    }

    /** True when the title, description or keywords use any of these words (whole words, any case). */
    public boolean mentionsAny(String... phrases) {
        PhraseList key = new PhraseList(phrases);
        Boolean known = facts.mentions.get(key);
        if (known == null) {
            known = false;
            for (String p : phrases) {
                if (facts.text.mentions(p)) {
                    known = true;
                    break;
                }
            }
            facts.mentions.put(key, known);
        }
        return known;
    }

    // ---- inferred traits: declared by the seller, implied by the category, or read from the text ----

    public boolean isWireless() {
        return has(Trait.WIRELESS);
    }

    public boolean isConnected() {
        return has(Trait.CONNECTED);
    }

    public boolean isLithiumBattery() {
        return has(Trait.LITHIUM_BATTERY);
    }

    public boolean isPowerBank() {
        return has(Trait.POWER_BANK);
    }

    public boolean isButtonBattery() {
        return has(Trait.BUTTON_BATTERY);
    }

    public boolean isMainsPowered() {
        return has(Trait.MAINS_POWERED);
    }

    public boolean isChildrensProduct() {
        return has(Trait.CHILDRENS_PRODUCT);
    }

    public boolean isToy() {
        return has(Trait.TOY);
    }

    public boolean isCosmetic() {
        return has(Trait.COSMETIC);
    }

    public boolean isFoodContact() {
        return has(Trait.FOOD_CONTACT);
    }

    public boolean isLaser() {
        return has(Trait.LASER);
    }

    public boolean isVape() {
        return has(Trait.VAPE);
    }

    public boolean isDrone() {
        return has(Trait.DRONE);
    }

    /** Battery energy in watt-hours, stated or read from "…Wh"/"…mAh"; null (matches no comparison) when unknown. */
    public Double getBatteryWh() {
        return facts.batteryWh == null ? null : facts.batteryWh.value();
    }

    /** Whether the battery energy is known; test it before a negated comparison ("unknown or at most"). */
    public boolean isBatteryWhKnown() {
        return facts.batteryWh != null;
    }

    /** Whether the laser output is known. */
    public boolean isLaserMilliwattsKnown() {
        return facts.laserMilliwatts != null;
    }

    /**
     * The youngest age the product is graded for, in years ("ages 3+", "0-36 months" = 0, "3岁以上"), from
     * the ageMin or ageRange attribute or the text; null when the listing does not say.
     */
    public Double getMinimumAge() {
        return facts.minimumAge == null ? null : facts.minimumAge.value();
    }

    public boolean isMinimumAgeKnown() {
        return facts.minimumAge != null;
    }

    /** Laser output in milliwatts, stated or read from "…mW"; null when unknown. */
    public Double getLaserMilliwatts() {
        return facts.laserMilliwatts == null ? null : facts.laserMilliwatts.value();
    }

    private boolean has(Trait t) {
        return facts.traits.containsKey(t);
    }

    // ---- what the seller declared ----

    public boolean hasCertification(String mark) {
        return facts.certifications.contains(ProductFacts.canonicalCertification(mark));
    }

    public boolean hasAnyCertification(String... marks) {
        for (String m : marks) {
            if (hasCertification(m)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasAttribute(String key) {
        Object v = facts.product.attributes().get(key);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    /** True when the attribute is a number (or a string that reads as one). */
    public boolean hasNumber(String key) {
        return number(key) != null;
    }

    /**
     * The attribute as a number; null when absent or not a number, so that a comparison with an unknown
     * number never matches. (Not NaN: Drools compiles {@code x < 3} so that it holds for NaN once the
     * constraint is jitted, while the interpreter says it does not.) To say "unknown or below", write
     * {@code (!hasNumber("x") || number("x") < 3)}; a negated comparison such as
     * {@code !(number("x") >= 3)} is refused at load time.
     */
    public Double number(String key) {
        Object v = facts.product.attributes().get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** True when the attribute equals the value, ignoring case, or is a list that contains it. */
    public boolean attributeIs(String key, String value) {
        Object v = facts.product.attributes().get(key);
        if (v instanceof Collection<?> list) {
            return list.stream().anyMatch(x -> String.valueOf(x).equalsIgnoreCase(value));
        }
        return v != null && String.valueOf(v).equalsIgnoreCase(value);
    }

    // ---- evidence, for the finding a rule reports ----

    /** Where the listing says the phrase, if it does. */
    public Optional<Evidence> evidenceOfPhrase(String phrase) {
        return facts.text.find(phrase);
    }

    /** Why the listing has a trait, by its property name ("wireless"); empty when it has none. */
    public Optional<Evidence> evidenceOfProperty(String property) {
        Trait trait = Trait.byProperty(property);
        if (trait != null) {
            return Optional.ofNullable(facts.traits.get(trait));
        }
        return switch (property) {
            case "batteryWh" -> Optional.ofNullable(facts.batteryWh).map(Inference.Measured::evidence);
            case "laserMilliwatts" -> Optional.ofNullable(facts.laserMilliwatts).map(Inference.Measured::evidence);
            case "minimumAge" -> Optional.ofNullable(facts.minimumAge).map(Inference.Measured::evidence);
            case "category" -> Optional.of(new Evidence("product.category", getCategory()));
            case "origin" -> Optional.ofNullable(facts.product.origin()).map(o -> new Evidence("product.origin", o));
            case "sellerCountry" -> Optional.ofNullable(facts.seller.country()).map(c -> new Evidence("seller.country", c));
            case "hsCode" -> Optional.ofNullable(facts.product.hsCode()).map(h -> new Evidence("product.hsCode", h));
            case "market" -> Optional.of(new Evidence("targetCountries", market));
            default -> Optional.empty();
        };
    }

    public Optional<Evidence> evidenceOfAttribute(String key) {
        return hasAttribute(key)
                ? Optional.of(new Evidence("product.attributes." + key, String.valueOf(facts.product.attributes().get(key))))
                : Optional.empty();
    }

    /** What the seller declared, for findings about a missing mark. */
    public Evidence declaredCertifications() {
        List<String> declared = new ArrayList<>(facts.product.certifications());
        return new Evidence("product.certifications", declared.isEmpty() ? "none declared" : String.join(", ", declared));
    }

    private static boolean anyCountry(String code, String... codes) {
        for (String x : codes) {
            if (Countries.same(code, x)) {
                return true;
            }
        }
        return false;
    }
}
