package preflight.ip;

import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds a word to the form marks are compared in: compatibility-normalised, lower case, homoglyphs of
 * other scripts mapped to the Latin letters they imitate (ICU's confusable skeletons, Unicode TR 39),
 * accents dropped, apostrophes gone. "Guccі" with a Cyrillic і, "GUCCI" and "Gucci" all fold to "gucci".
 * Thread-safe: a built {@link SpoofChecker} is immutable.
 */
final class Folding {

    /** Digits and symbols sellers put in place of letters, with the letters they stand for. */
    private static final String[][] SWAPS = new String[128][];

    static {
        SWAPS['0'] = new String[] {"o"};
        SWAPS['1'] = new String[] {"i", "l"};
        SWAPS['3'] = new String[] {"e"};
        SWAPS['4'] = new String[] {"a"};
        SWAPS['5'] = new String[] {"s"};
        SWAPS['7'] = new String[] {"t"};
        SWAPS['8'] = new String[] {"b"};
        SWAPS['@'] = new String[] {"a"};
        SWAPS['$'] = new String[] {"s"};
        SWAPS['!'] = new String[] {"i"};
    }

    private final SpoofChecker spoof = new SpoofChecker.Builder().build();

    /** The folded form of one word or alias (no spaces inside). */
    String fold(String word) {
        if (isPlainAscii(word)) { // most words: NFKC leaves ASCII as it is
            return word.toLowerCase(Locale.ROOT).replace("'", "");
        }
        String s = Normalizer.normalize(word, Normalizer.Form.NFKC);
        if (!isPlainAscii(s)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            StringBuilder out = new StringBuilder(s.length());
            // letter by letter, in the seller's own case (a Cyrillic "Т" looks like "T", its "т" like nothing
            // Latin): the skeleton of a whole word would also turn a Latin "m" into "rn"
            s.codePoints().forEach(cp -> out.append(cp < 128 ? String.valueOf((char) cp)
                    : spoof.getSkeleton(new String(Character.toChars(cp)))));
            s = out.toString();
        }
        return s.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
    }

    /** The folded words of a name or phrase with several words ("Louis Vuitton", "coca-cola"). */
    List<String> foldWords(String name) {
        List<String> out = new ArrayList<>();
        for (String part : name.strip().split("[^\\p{L}\\p{N}'\u2019@$]+")) {
            if (!part.isEmpty()) {
                out.add(fold(part));
            }
        }
        return out;
    }

    /** True when the word mixes Latin letters with letters of another script, the mark of a homoglyph. */
    static boolean mixesScripts(String word) {
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                latin = true;
            } else {
                other = true;
            }
        }
        return latin && other;
    }

    /**
     * The readings of a word that swaps letters for digits or symbols ("n1ke" reads "nike" or "nlke"), at
     * most 16; empty when the word has no swapped character or no letter at all (a model number).
     */
    static List<String> swapReadings(String folded) {
        boolean letter = false;
        boolean swapped = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            letter |= c >= 'a' && c <= 'z';
            swapped |= c < 128 && SWAPS[c] != null;
        }
        if (!letter || !swapped) {
            return List.of();
        }
        List<String> readings = new ArrayList<>();
        readings.add("");
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            String[] options = c < 128 && SWAPS[c] != null ? SWAPS[c] : new String[] {String.valueOf(c)};
            List<String> next = new ArrayList<>();
            for (String prefix : readings) {
                for (String option : options) {
                    if (next.size() < 16) {
                        next.add(prefix + option);
                    }
                }
            }
            readings = next;
        }
        return readings;
    }

    /**
     * Readings of a word that writes one letter with another of the same shape: "nlke" (l for i), "jbi" (i
     * for l), "arrnani"
     * (rn for m), "vvrangler" (vv for w). One substitution at a time.
     */
    static List<String> shapeReadings(String folded) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < folded.length(); i++) {
            if (folded.charAt(i) == 'l') {
                out.add(folded.substring(0, i) + "i" + folded.substring(i + 1));
            }
            if (folded.charAt(i) == 'i') {
                out.add(folded.substring(0, i) + "l" + folded.substring(i + 1));
            }
            if (folded.startsWith("rn", i)) {
                out.add(folded.substring(0, i) + "m" + folded.substring(i + 2));
            }
            if (folded.startsWith("vv", i)) {
                out.add(folded.substring(0, i) + "w" + folded.substring(i + 2));
            }
        }
        return out;
    }

    /** Runs of one letter collapsed: "rolexx" and "rollex" both read "rolex". */
    static String collapseDoubles(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    /** Damerau-Levenshtein distance of at most one: one letter added, dropped, changed, or two swapped. */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return true;
        }
        if (la == lb) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true; // one changed letter
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2)); // two swapped
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
