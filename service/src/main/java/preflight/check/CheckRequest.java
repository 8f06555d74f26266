package preflight.check;

import java.time.LocalDate;
import java.util.List;
import preflight.listing.Product;
import preflight.listing.Seller;

/**
 * A validated check request (api-v1). Target countries are upper-case codes as the caller wrote them,
 * de-duplicated ({@code UK} and {@code GB} count once).
 */
public record CheckRequest(
        String submissionId,
        Seller seller,
        Product product,
        List<String> targetCountries,
        Options options) {

    /** ipCheck defaults to true, locale to "en", asOf to today (resolved by the caller's clock). */
    public record Options(boolean ipCheck, String locale, LocalDate asOf) {
    }
}
