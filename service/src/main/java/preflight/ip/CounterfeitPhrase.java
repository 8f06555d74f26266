package preflight.ip;

import java.util.List;
import java.util.Set;

/**
 * Wording that presents goods as copies, from {@code country-regulations/ip/counterfeit-phrases.yaml}.
 *
 * @param strong         says outright that the goods are copies ("replica", "高仿"); otherwise it only
 *                       suggests imitation ("dupe", "同款") and counts beside a famous mark
 * @param unless         longer phrases that make it innocent ("1:1 scale", "高仿真")
 * @param notInCategories categories where the word is innocent ("replica" for prop weapons)
 * @param withMarkOnly    weak wording that means nothing without a famous mark beside it ("style")
 */
public record CounterfeitPhrase(String text, String lang, boolean strong, List<String> unless,
                                Set<String> notInCategories, boolean withMarkOnly) {
}
