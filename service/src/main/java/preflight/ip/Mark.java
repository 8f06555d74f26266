package preflight.ip;

import java.util.List;
import java.util.Set;

/**
 * A famous mark or character, as officers keep it in {@code country-regulations/ip/marks-*.yaml}.
 *
 * @param areas          category slugs where the mark is famous and copies are sold
 * @param aliases        other names, product lines and scripts, matched like the name
 * @param weakAliases    monogram abbreviations ("lv"), counted only beside other evidence
 * @param ordinaryWord   the name is also an everyday word (apple, coach), so it alone proves little
 * @param ordinaryAliases aliases that are everyday words too (苹果 for Apple, 小米 for Xiaomi)
 * @param genericPhrases ordinary phrases that contain the name ("polo shirt")
 * @param licensors      names under which the right holder licenses it; a declared brand among them is the owner's
 * @param deviceMark     a product that accessories may name to say what they fit ("case for iPhone")
 * @param notLookalikes  everyday words one letter away from the mark that are not imitations of it
 */
public record Mark(
        String name,
        String owner,
        MarkKind kind,
        Set<String> areas,
        List<String> aliases,
        List<String> weakAliases,
        boolean ordinaryWord,
        List<String> ordinaryAliases,
        List<String> genericPhrases,
        List<String> licensors,
        boolean deviceMark,
        Set<String> notLookalikes,
        String source) {

    /** The alias (or the name) is also an everyday word. */
    public boolean isOrdinary(String alias) {
        return ordinaryWord && alias.equals(name) || ordinaryAliases.contains(alias);
    }

    public boolean famousIn(String category) {
        return areas.contains(category);
    }
}
