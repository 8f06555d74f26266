package preflight.ip;

/**
 * Why the screen let a use of a mark through, or what a classifier said.
 *
 * @param mark   the mark concerned, or "" for the listing as a whole
 * @param use    own, licensed, nominative, generic, classifier
 * @param reason one sentence a seller can read
 */
public record IpNote(String mark, String use, String reason) {
}
