package preflight.listing;

/** The store that submits the listing. Country and platform are optional. */
public record Seller(String id, String country, String platform) {
}
