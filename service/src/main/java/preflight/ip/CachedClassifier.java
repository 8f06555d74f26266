package preflight.ip;

/**
 * Remembers a classifier's answers per listing (by {@link IpQuestion#key()}), so a listing submitted
 * again costs no model call. Only answers are kept: a classifier that throws is asked again next time.
 */
public final class CachedClassifier implements IpClassifier {

    private final IpClassifier inner;
    private final LruCache<String, Opinion> cache;

    public CachedClassifier(IpClassifier inner, int capacity) {
        this.inner = inner;
        this.cache = new LruCache<>(capacity);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void warm() {
        inner.warm();
    }

    @Override
    public Opinion classify(IpQuestion question) {
        String key = question.key();
        Opinion cached = cache.get(key);
        if (cached == null) {
            cached = inner.classify(question);
            cache.put(key, cached);
        }
        return cached;
    }
}
