package preflight.listing;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Phrases from rules, prepared once and shared by every check. Rules pass the same constant strings on
 * every evaluation, so the cache holds one entry per phrase written in a rule or a trait.
 */
public final class PhraseCache {

    private final ConcurrentHashMap<String, Phrase> prepared = new ConcurrentHashMap<>();

    Phrase get(String raw) {
        Phrase p = prepared.get(raw);
        if (p == null) {
            p = Phrase.of(raw);
            prepared.putIfAbsent(raw, p);
        }
        return p;
    }
}
