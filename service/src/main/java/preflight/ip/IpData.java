package preflight.ip;

import java.util.List;

/** Everything the IP screen reads from {@code country-regulations/ip/}, loaded and checked. */
public record IpData(MarkLexicon lexicon, List<CounterfeitPhrase> phrases, List<ClassifierExample> examples) {
}
