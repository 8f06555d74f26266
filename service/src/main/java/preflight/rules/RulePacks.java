package preflight.rules;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import preflight.listing.Countries;

/** Every loaded pack, and which one judges a given target country. */
public final class RulePacks {

    private final Map<String, RulePack> byMarket;

    public RulePacks(Map<String, RulePack> byMarket) {
        this.byMarket = Map.copyOf(byMarket);
    }

    /** These packs with some replaced or added (a reload's accepted packs, a candidate beside the live ones). */
    public RulePacks with(Map<String, RulePack> replacing) {
        Map<String, RulePack> merged = new java.util.HashMap<>(byMarket);
        merged.putAll(replacing);
        return new RulePacks(merged);
    }

    public Collection<RulePack> all() {
        return byMarket.values();
    }

    public Optional<RulePack> get(String market) {
        return Optional.ofNullable(byMarket.get(market));
    }

    /**
     * The pack for a target country: its own pack if it has one (UK and GB share "UK"), else the EU pack
     * for a member state, else the global pack.
     */
    public RulePack forCountry(String country) {
        String c = "GB".equals(country) ? "UK" : country;
        RulePack own = byMarket.get(c);
        if (own != null) {
            return own;
        }
        if (Countries.isEuMember(c) && byMarket.containsKey(Countries.EU)) {
            return byMarket.get(Countries.EU);
        }
        RulePack global = byMarket.get(PackManifest.GLOBAL);
        if (global == null) {
            throw new IllegalStateException("no global pack loaded");
        }
        return global;
    }

    /**
     * Whether a check of these countries would use a pack built on one of the markets: the pack that judges
     * the country has one of them in its chain ({@code EU}: any member state's pack).
     */
    public boolean judgedByAny(java.util.Collection<String> countries, java.util.Set<String> markets) {
        for (String country : countries) {
            if (Countries.EU.equals(country)) {
                if (byMarket.values().stream().anyMatch(p -> p.versions().containsKey(Countries.EU)
                        && p.versions().keySet().stream().anyMatch(markets::contains))) {
                    return true;
                }
                continue;
            }
            RulePack p;
            try {
                p = forCountry(country);
            } catch (RuntimeException e) {
                return true; // no pack judges it yet: count it, so that whatever judges it is tried
            }
            if (p.versions().keySet().stream().anyMatch(markets::contains)) {
                return true;
            }
        }
        return false;
    }
}
