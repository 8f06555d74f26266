package preflight.ip;

import java.util.List;

/** The classifiers the configuration can choose, assembled once: each cached per listing. */
public final class IpClassifiers {

    private static final int CACHE = 20_000;

    private IpClassifiers() {
    }

    /** The in-process embedding model. */
    public static IpClassifier embedded(List<ClassifierExample> examples) {
        return new CachedClassifier(new EmbeddingClassifier(examples), CACHE);
    }

    /** The LLM, with the embedded model answering whenever the LLM cannot. */
    public static IpClassifier llmWithFallback(LlmSettings settings, List<ClassifierExample> examples) {
        return new FallbackClassifier(new CachedClassifier(new LlmClassifier(settings), CACHE), embedded(examples));
    }
}
