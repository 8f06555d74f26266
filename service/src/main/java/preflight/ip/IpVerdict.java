package preflight.ip;

import java.util.List;

/**
 * The {@code ip} block of a check response.
 *
 * @param risk       how likely the listing draws an IP complaint, 0 to 1
 * @param brands     the famous marks the listing uses without a visible right to
 * @param classifier what answered: "lexicon" when the marks lexicon and phrase lists settled it, the
 *                   classifier's name when they left doubt, "off" when options.ipCheck is false
 * @param notes      uses let through and why (nominative, generic, own brand), and what a classifier said
 * @param checked    false when options.ipCheck turned the screen off
 */
public record IpVerdict(double risk, List<String> brands, String classifier, List<IpNote> notes, boolean checked) {

    public static final IpVerdict OFF = new IpVerdict(0.0, List.of(), "off", List.of(), false);

    /** The screen's data is not loaded in this process (a tool that runs rules only): nothing was screened. */
    public static final IpVerdict NOT_LOADED = new IpVerdict(0.0, List.of(), "not loaded", List.of(), false);
}
