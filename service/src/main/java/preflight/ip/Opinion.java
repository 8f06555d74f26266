package preflight.ip;

import java.util.List;

/**
 * A classifier's answer.
 *
 * @param probability how likely the listing infringes, 0 to 1
 * @param marks       the marks the classifier holds infringed
 * @param reasoning   one or two sentences a seller can read
 * @param classifier  the implementation that answered, as {@code ip.classifier} names it
 */
public record Opinion(double probability, List<String> marks, String reasoning, String classifier) {

    public boolean infringing() {
        return probability >= 0.5;
    }
}
