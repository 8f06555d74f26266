package preflight.ip;

/**
 * Asks the first classifier (the LLM) and, when it cannot answer, the second (the embedded model), so a
 * check never fails because the LLM did. The answer's reasoning says that the fallback answered, and why.
 */
public final class FallbackClassifier implements IpClassifier {

    private final IpClassifier first;
    private final IpClassifier fallback;

    public FallbackClassifier(IpClassifier first, IpClassifier fallback) {
        this.first = first;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return first.name();
    }

    @Override
    public void warm() {
        fallback.warm();
    }

    @Override
    public Opinion classify(IpQuestion question) {
        try {
            return first.classify(question);
        } catch (ClassifierUnavailableException e) {
            Opinion answer = fallback.classify(question); // may throw in turn: the screen then keeps the lexicon's answer
            return new Opinion(answer.probability(), answer.marks(),
                    "LLM unavailable (" + e.getMessage() + "); the embedded classifier answered. " + answer.reasoning(),
                    answer.classifier());
        }
    }

    @Override
    public java.util.List<IpClassifier> parts() {
        return java.util.List.of(first, fallback);
    }
}
