package preflight.rules;

/** What kind of duty a finding is about (api-v1). */
public enum Category {
    /** A required mark, certificate, registration or filed statement is missing. */
    CERTIFICATION,
    /** Information that must be on the product, its pack or the listing is missing. */
    LABELING,
    /** Chemical content over a limit or banned. */
    SUBSTANCES,
    /** Cannot be sold to consumers in that market at all. */
    PROHIBITED,
    /** Can be sold only when a condition holds. */
    RESTRICTED,
    /** The destination, seller or origin is under sanctions or an import ban. */
    SANCTIONS,
    /** Trademark, copyright, design or patent infringement, counterfeits. */
    IP
}
