package preflight.ip;

/**
 * Judges a listing the marks lexicon leaves in doubt. Implementations: the embedded embedding model
 * (offline, the default) and an LLM (when configured), which falls back to the embedded one.
 */
public interface IpClassifier {

    /** The name the response's {@code ip.classifier} shows. */
    String name();

    /** Throws when the classifier cannot answer (an LLM down or too slow); callers fall back. */
    Opinion classify(IpQuestion question);

    /** The classifiers this one is made of (a cache's inner model, a fallback's two), for metrics. */
    default java.util.List<IpClassifier> parts() {
        return java.util.List.of();
    }

    /** Loads models and prepares examples, so the first check is not the slow one. */
    default void warm() {
    }
}
