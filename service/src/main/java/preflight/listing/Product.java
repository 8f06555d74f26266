package preflight.listing;

import java.util.List;
import java.util.Map;

/** The product as the seller submitted it (validated, not yet normalised). */
public record Product(
        String title,
        String description,
        String category,
        String brand,
        List<String> keywords,
        Map<String, Object> attributes,
        List<String> certifications,
        String hsCode,
        String origin) {

    public Product {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        attributes = attributes == null ? Map.of() : attributes;
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
    }
}
