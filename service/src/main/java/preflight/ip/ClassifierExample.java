package preflight.ip;

/** A labelled listing text the embedded classifier compares new listings with. */
public record ClassifierExample(boolean infringing, String lang, String text) {
}
