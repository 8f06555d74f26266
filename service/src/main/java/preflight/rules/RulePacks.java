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
}
