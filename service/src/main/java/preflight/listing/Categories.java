package preflight.listing;

import java.util.List;
import java.util.Set;

/** The category taxonomy of api-v1: the only slugs a listing may carry. */
public final class Categories {

    public static final List<String> SLUGS = List.of(
            "electronics", "wireless-audio", "phone-accessories", "computers", "lighting",
            "household-appliances", "batteries", "power-banks", "toys", "baby-products", "cosmetics",
            "personal-care", "apparel", "footwear", "bags-luggage", "jewelry-watches", "textiles-home",
            "furniture", "food", "food-contact", "supplements", "medical-devices", "sporting-goods",
            "outdoor-knives-tools", "weapons-replicas", "drones", "laser-products", "vaping-tobacco",
            "chemicals", "auto-parts", "machinery", "plants-seeds", "pet-supplies", "eyewear",
            "stationery-office", "other");

    private static final Set<String> KNOWN = Set.copyOf(SLUGS);

    private Categories() {
    }

    public static boolean isKnown(String slug) {
        return KNOWN.contains(slug);
    }
}
