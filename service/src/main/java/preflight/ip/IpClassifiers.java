package preflight.ip;

import java.util.List;

/**
 * The classifiers the configuration can choose, assembled once: each cached per listing. The service's
 * embedded classifier works to a time budget ({@link BudgetedClassifier}); the evaluation's does not, so
 * its figures measure judgement, not timing.
 */
public final class IpClassifiers {

    private static final int CACHE = 20_000;

    private IpClassifiers() {
    }

    /** The in-process embedding model. */
    public static IpClassifier embedded(List<ClassifierExample> examples) {
        return new CachedClassifier(new EmbeddingClassifier(examples), CACHE);
    }

    /** The embedded model with a time budget per check, two calls at a time. */
    public static IpClassifier embedded(List<ClassifierExample> examples, long budgetMillis) {
        return new BudgetedClassifier(embedded(examples), budgetMillis, 2);
    }

    /** The LLM, with the embedded model answering whenever the LLM cannot. */
    public static IpClassifier llmWithFallback(LlmSettings settings, List<ClassifierExample> examples) {
        return new FallbackClassifier(new CachedClassifier(new LlmClassifier(settings), CACHE), embedded(examples));
    }

    /** The same, the embedded fallback working to its own time budget. */
    public static IpClassifier llmWithFallback(LlmSettings settings, List<ClassifierExample> examples, long budgetMillis) {
        return new FallbackClassifier(new CachedClassifier(new LlmClassifier(settings), CACHE), embedded(examples, budgetMillis));
    }
}
