package preflight.listing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The listing's words (title, description, keywords), normalised and indexed once so that rules can ask
 * "does it mention X?" in well under a microsecond. Matching is case- and width-insensitive (NFKC, lower
 * case). Latin text matches whole words in sequence, ignoring light punctuation between them ("wi-fi"
 * matches "wi fi"), with an optional plural "s"/"es" on the last word; a comma or sentence break between
 * words breaks the phrase. CJK text (written without spaces) matches as a substring. Immutable once built,
 * so safe to read from any thread.
 */
public final class SearchableText {

    private record Field(String name, String original, String normalised) {
    }

    private final PhraseCache phrases;
    private final List<Field> fields = new ArrayList<>();
    // the word index: every word of every field in order, with where it came from
    private final List<String> words = new ArrayList<>();
    private final List<int[]> spans = new ArrayList<>(); // {field, start, end, breakBefore}
    private final Map<String, List<Integer>> positions = new HashMap<>();

    public SearchableText(String title, String description, List<String> keywords, PhraseCache phrases) {
        this.phrases = phrases;
        add("product.title", title);
        add("product.description", description);
        for (int i = 0; i < keywords.size(); i++) {
            add("product.keywords[" + i + "]", keywords.get(i));
        }
    }

    private void add(String name, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String normal = normalise(text);
        int field = fields.size();
        fields.add(new Field(name, text, normal));
        boolean breakBefore = true; // words never join across fields
        int i = 0;
        while (i < normal.length()) {
            char c = normal.charAt(i);
            if (isWordChar(c)) {
                int start = i;
                while (i < normal.length() && isWordChar(normal.charAt(i))) {
                    i++;
                }
                String word = normal.substring(start, i);
                index(word, words.size());
                words.add(word);
                spans.add(new int[] {field, start, i, breakBefore ? 1 : 0});
                breakBefore = false;
            } else {
                breakBefore |= isBreak(normal, i);
                i++;
            }
        }
    }

    /** A word is found by itself and, when it looks plural, by its singular ("toys" by "toy"). */
    private void index(String word, int position) {
        positions.computeIfAbsent(word, w -> new ArrayList<>(2)).add(position);
        if (word.length() > 2 && word.endsWith("s")) {
            positions.computeIfAbsent(word.substring(0, word.length() - 1), w -> new ArrayList<>(2)).add(position);
            if (word.length() > 3 && word.endsWith("es")) {
                positions.computeIfAbsent(word.substring(0, word.length() - 2), w -> new ArrayList<>(2)).add(position);
            }
        }
    }

    /** Letters and digits of scripts that separate words with spaces. */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        if (!Character.isLetterOrDigit(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL
                && script != Character.UnicodeScript.THAI;
    }

    /** Punctuation that ends a phrase: commas, semicolons, brackets, a full stop before a space, line ends. */
    private static boolean isBreak(String s, int i) {
        char c = s.charAt(i);
        if (c == '.') {
            return i + 1 >= s.length() || s.charAt(i + 1) == ' ';
        }
        return ",;!?|()[]{}<>\"\n\r。，；！？、".indexOf(c) >= 0;
    }

    /** The words of an already normalised text, as the index splits them. */
    static List<String> words(String normal) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < normal.length()) {
            if (isWordChar(normal.charAt(i))) {
                int start = i;
                while (i < normal.length() && isWordChar(normal.charAt(i))) {
                    i++;
                }
                out.add(normal.substring(start, i));
            } else {
                i++;
            }
        }
        return out;
    }

    /** NFKC, lower case, runs of white space as one space. */
    public static String normalise(String text) {
        if (isNormalAscii(text)) {
            return text; // the usual phrase in a rule: nothing to do, nothing to allocate
        }
        String s = isPlainAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** ASCII already in normal form: no capitals, no white space but single inner spaces. */
    private static boolean isNormalAscii(String s) {
        if (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127 || (c >= 'A' && c <= 'Z') || (c < ' ') || (c == ' ' && s.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    public boolean mentions(String raw) {
        Phrase p = phrases.get(raw);
        return p.isSubstring() ? substringField(p.substring()) >= 0 : firstWord(p) >= 0;
    }

    /** The first place that mentions the phrase, with the words as the seller wrote them. */
    public Optional<Evidence> find(String raw) {
        Phrase p = phrases.get(raw);
        if (p.isSubstring()) {
            int field = substringField(p.substring());
            if (field < 0) {
                return Optional.empty();
            }
            Field f = fields.get(field);
            int i = f.normalised().indexOf(p.substring());
            return Optional.of(new Evidence(f.name(), excerpt(f, i, i + p.substring().length())));
        }
        int first = firstWord(p);
        if (first < 0) {
            return Optional.empty();
        }
        int[] a = spans.get(first);
        int[] b = spans.get(first + p.words().length - 1);
        return Optional.of(new Evidence(fields.get(a[0]).name(), excerpt(fields.get(a[0]), a[1], b[2])));
    }

    /** Index of the first word of the earliest match, or -1. */
    private int firstWord(Phrase p) {
        String[] phrase = p.words();
        if (phrase.length == 0) {
            return -1;
        }
        List<Integer> starts = positions.get(phrase[0]);
        if (phrase.length == 1) {
            return starts == null ? -1 : starts.get(0); // plurals are indexed under their singular
        }
        if (starts != null) {
            for (int start : starts) {
                if (start + phrase.length - 1 < words.size() && words.get(start).equals(phrase[0])
                        && continues(phrase, start)) {
                    return start;
                }
            }
        }
        return -1;
    }


    private boolean continues(String[] phrase, int start) {
        for (int j = 1; j < phrase.length; j++) {
            int at = start + j;
            if (spans.get(at)[3] == 1) {
                return false;
            }
            String w = words.get(at);
            boolean lastWord = j == phrase.length - 1;
            if (!w.equals(phrase[j]) && !(lastWord && isPlural(w, phrase[j]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlural(String word, String singular) {
        return word.startsWith(singular) && (word.length() == singular.length() + 1 && word.endsWith("s")
                || word.length() == singular.length() + 2 && word.endsWith("es"));
    }

    private int substringField(String p) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).normalised().contains(p)) {
                return i;
            }
        }
        return -1;
    }

    /** The seller's own spelling where the normalised text lines up with it, else the normalised words. */
    private static String excerpt(Field f, int start, int end) {
        if (f.original().length() == f.normalised().length()) {
            return f.original().substring(start, end);
        }
        return f.normalised().substring(start, end);
    }

    /** All normalised text, for number patterns such as "20000mAh" or "5mW". */
    public List<String> normalisedFields() {
        return fields.stream().map(Field::normalised).toList();
    }

    /** The field a normalised text came from, by position in {@link #normalisedFields()}. */
    public String fieldName(int index) {
        return fields.get(index).name();
    }
}
