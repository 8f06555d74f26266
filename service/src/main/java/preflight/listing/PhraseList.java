package preflight.listing;

/**
 * The phrases of one {@code mentionsAny(...)} call, compared by identity. A rule passes the same constant
 * strings every time it runs, so identity finds the same question again cheaply, without reading a
 * character; two calls that merely spell the same words are simply asked twice.
 */
final class PhraseList {

    private final String[] phrases;
    private final int hash;

    PhraseList(String[] phrases) {
        this.phrases = phrases;
        int h = phrases.length;
        for (String p : phrases) {
            h = 31 * h + System.identityHashCode(p);
        }
        this.hash = h;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PhraseList other) || other.phrases.length != phrases.length) {
            return false;
        }
        for (int i = 0; i < phrases.length; i++) {
            if (phrases[i] != other.phrases[i]) {
                return false;
            }
        }
        return true;
    }
}
