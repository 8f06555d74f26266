package preflight.ip;

/**
 * Remembers a classifier's answers per listing (by {@link IpQuestion#key()}), so a listing submitted
 * again costs no model call. Only answers are kept: a classifier that throws is asked again next time.
 */
public final class CachedClassifier implements IpClassifier {

    private final IpClassifier inner;
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();
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
            misses.increment();
            cached = inner.classify(question);
            cache.put(key, cached);
        } else {
            hits.increment();
        }
        return cached;
    }

    @Override
    public java.util.List<IpClassifier> parts() {
        return java.util.List.of(inner);
    }

    /** Answers the cache gave. */
    public long hits() {
        return hits.sum();
    }

    /** Questions the cache passed on to the model. */
    public long misses() {
        return misses.sum();
    }
}
