package preflight.listing;

/**
 * A phrase a rule looks for, prepared once: its normalised words for Latin text (matched against the
 * listing's word index), or its normalised text for scripts written without spaces (matched as a
 * substring).
 *
 * @param words      normalised words; empty for a phrase matched as a substring
 * @param substring  the normalised phrase, for CJK and similar scripts
 */
record Phrase(String[] words, String substring) {

    static Phrase of(String raw) {
        String normal = SearchableText.normalise(raw);
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (Character.isLetterOrDigit(c) && !SearchableText.isWordChar(c)) {
                return new Phrase(new String[0], normal);
            }
        }
        return new Phrase(SearchableText.words(normal).toArray(new String[0]), normal);
    }

    boolean isSubstring() {
        return words.length == 0;
    }
}
