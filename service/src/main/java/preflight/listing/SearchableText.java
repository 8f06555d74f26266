package preflight.listing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The listing's words (title, description, keywords), normalised once so that rules can ask
 * "does it mention X?" in microseconds. Matching is case- and width-insensitive (NFKC, lower case),
 * whole words for Latin text (with an optional plural "s"/"es"), substrings for CJK text.
 */
public final class SearchableText {

    private record Field(String name, String original, String normalised) {
    }

    private final List<Field> fields = new ArrayList<>();
    /** Per-listing memo: the same phrase is asked by several packs and rules. */
    private final Map<String, Optional<Evidence>> memo = new HashMap<>(1024);

    public SearchableText(String title, String description, List<String> keywords) {
        add("product.title", title);
        add("product.description", description);
        for (int i = 0; i < keywords.size(); i++) {
            add("product.keywords[" + i + "]", keywords.get(i));
        }
    }

    private void add(String name, String text) {
        if (text != null && !text.isBlank()) {
            fields.add(new Field(name, text, normalise(text)));
        }
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

    public boolean mentions(String phrase) {
        return find(phrase).isPresent();
    }

    /** The first field that mentions the phrase, with the words as the seller wrote them. */
    public Optional<Evidence> find(String phrase) {
        return memo.computeIfAbsent(phrase, this::search);
    }

    private Optional<Evidence> search(String phrase) {
        String p = normalise(phrase);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        for (Field f : fields) {
            int end = matchEnd(f.normalised(), p);
            if (end >= 0) {
                return Optional.of(new Evidence(f.name(), excerpt(f, end - p.length(), end, p)));
            }
        }
        return Optional.empty();
    }

    /** End index of the first whole-word occurrence of {@code p} in {@code text}, or -1. */
    static int matchEnd(String text, String p) {
        boolean wordLike = needsBoundary(p.charAt(0));
        boolean endsLatin = needsBoundary(p.charAt(p.length() - 1));
        int from = 0;
        while (true) {
            int i = text.indexOf(p, from);
            if (i < 0) {
                return -1;
            }
            int end = i + p.length();
            boolean startOk = !wordLike || i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int after = endsLatin ? pluralEnd(text, end) : end;
            boolean endOk = !endsLatin || after == text.length() || !Character.isLetterOrDigit(text.charAt(after));
            if (startOk && endOk) {
                return after;
            }
            from = i + 1;
        }
    }

    private static int pluralEnd(String text, int end) {
        if (end < text.length() && text.charAt(end) == 's') {
            return end + 1;
        }
        if (end + 1 < text.length() && text.charAt(end) == 'e' && text.charAt(end + 1) == 's') {
            return end + 2;
        }
        return end;
    }

    /** Latin letters and digits need word boundaries; CJK and other scripts without spaces do not. */
    private static boolean needsBoundary(char c) {
        if (!Character.isLetterOrDigit(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL
                && script != Character.UnicodeScript.THAI;
    }

    /** The seller's own spelling where the normalised text lines up with it, else the normalised words. */
    private static String excerpt(Field f, int start, int end, String fallback) {
        if (f.original().length() == f.normalised().length() && end <= f.original().length()) {
            return f.original().substring(start, end);
        }
        return f.normalised().substring(start, end).isEmpty() ? fallback : f.normalised().substring(start, end);
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
