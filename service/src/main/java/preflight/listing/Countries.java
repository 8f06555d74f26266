package preflight.listing;

import java.util.Locale;
import java.util.Set;

/**
 * Country codes as the contract reads them: ISO 3166-1 alpha-2, plus {@code EU} for every member
 * state and {@code UK} as a synonym of {@code GB}.
 */
public final class Countries {

    public static final String EU = "EU";

    /** The 27 member states of the European Union (since 1 February 2020). */
    public static final Set<String> EU_MEMBERS = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** True for an ISO alpha-2 code, {@code EU} or {@code UK}; case-sensitive, callers upper-case first. */
    public static boolean isKnown(String code) {
        return ISO.contains(code) || EU.equals(code) || "UK".equals(code);
    }

    public static boolean isEuMember(String code) {
        return EU_MEMBERS.contains(code);
    }

    /** Whether two codes name the same country, ignoring case ({@code UK} and {@code GB} are one). */
    public static boolean same(String a, String b) {
        return a.equalsIgnoreCase(b) || (isUnitedKingdom(a) && isUnitedKingdom(b));
    }

    private static boolean isUnitedKingdom(String code) {
        return "UK".equalsIgnoreCase(code) || "GB".equalsIgnoreCase(code);
    }

    /** The code that names the same country for de-duplication: {@code UK} and {@code GB} are one. */
    public static String canonical(String code) {
        return "UK".equals(code) ? "GB" : code;
    }
}
