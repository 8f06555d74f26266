package preflight.ip;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The listing's text as the IP screen reads it: words with where they stand in the seller's own text,
 * and each field folded for scripts written without spaces. Spaced-out letters ("G.U.C.C.I", "C H A N E L")
 * are joined into one word, as a reader would.
 */
final class ListingWords {

    /** One word: its field, its place in the original text, and its folded form. */
    record Word(int field, int start, int end, String raw, String folded, boolean spaced) {
    }

    /** One field: its request name, the seller's text, and its NFKC lower-case form for CJK matching. */
    record Field(String name, String text, String lower) {
    }

    private final List<Field> fields = new ArrayList<>();
    private final List<Word> words = new ArrayList<>();

    ListingWords(Folding folding, String title, String description, List<String> keywords) {
        add(folding, "product.title", title);
        for (int i = 0; i < keywords.size(); i++) {
            add(folding, "product.keywords[" + i + "]", keywords.get(i));
        }
        add(folding, "product.description", description);
    }

    List<Word> words() {
        return words;
    }

    List<Field> fields() {
        return fields;
    }

    Field field(int index) {
        return fields.get(index);
    }

    /** The field of that request name; an empty one when the listing has no such text. */
    Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return new Field(name, "", "");
    }

    /** The seller's text of words {@code from} to {@code to} (inclusive), which share a field. */
    String text(int from, int to) {
        Word a = words.get(from);
        Word b = words.get(to);
        return fields.get(a.field()).text().substring(a.start(), b.end());
    }

    private void add(Folding folding, String name, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        int field = fields.size();
        fields.add(new Field(name, text, Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)));
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (isWordChar(text.charAt(i))) {
                int start = i;
                while (i < text.length() && (isWordChar(text.charAt(i)) || isInnerApostrophe(text, i))) {
                    i++;
                }
                spans.add(new int[] {start, i});
            } else {
                i++;
            }
        }
        int s = 0;
        while (s < spans.size()) {
            int run = spacedRun(text, spans, s);
            if (run >= 3) {
                int start = spans.get(s)[0];
                int end = spans.get(s + run - 1)[1];
                StringBuilder joined = new StringBuilder();
                for (int k = s; k < s + run; k++) {
                    joined.append(text, spans.get(k)[0], spans.get(k)[1]);
                }
                words.add(new Word(field, start, end, text.substring(start, end), folding.fold(joined.toString()), true));
                s += run;
            } else {
                int[] span = spans.get(s);
                String raw = text.substring(span[0], span[1]);
                words.add(new Word(field, span[0], span[1], raw, folding.fold(raw), false));
                s++;
            }
        }
    }

    /** How many single letters in a row, one or two separator characters apart, start at span {@code s}. */
    private static int spacedRun(String text, List<int[]> spans, int s) {
        int n = 0;
        while (s + n < spans.size()) {
            int[] span = spans.get(s + n);
            if (span[1] - span[0] != 1 || !Character.isLetter(text.charAt(span[0]))) {
                break;
            }
            if (n > 0) {
                int gap = span[0] - spans.get(s + n - 1)[1];
                if (gap < 1 || gap > 2 || !isSpacer(text, spans.get(s + n - 1)[1], span[0])) {
                    break;
                }
            }
            n++;
        }
        return n;
    }

    private static boolean isSpacer(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (" .-_*·•/|".indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Letters and digits of scripts that separate words with spaces, and the symbols sellers swap for letters. */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return Character.isLetterOrDigit(c) || c == '@' || c == '$';
        }
        return Character.isLetterOrDigit(c) && !isCjk(c);
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static boolean isInnerApostrophe(String text, int i) {
        char c = text.charAt(i);
        return (c == '\'' || c == '\u2019') && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
    }
}
