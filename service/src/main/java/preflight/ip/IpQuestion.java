package preflight.ip;

import java.util.List;

/**
 * What a classifier is asked about one doubtful listing.
 *
 * @param text     title, keywords and description as the seller wrote them (cut to a few hundred characters)
 * @param chinese  the text is mainly Chinese
 * @param marks    the famous marks the lexicon found, by name
 * @param category the product's category slug
 * @param brand    the brand the seller declares, "" when none
 */
public record IpQuestion(String text, boolean chinese, List<String> marks, String category, String brand) {

    /** The same listing asked twice gets the same key: case and spacing do not matter. */
    public String key() {
        return (category + "|" + brand + "|" + text).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
