package preflight.ip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The famous marks, indexed for finding them in listing text in a few microseconds: exact names and
 * aliases (one or several words, or CJK text), monogram abbreviations, digit and symbol swaps, doubled
 * letters, and one-letter edits (through an index of each name with one letter deleted, so no word is
 * compared with every mark). Immutable once built.
 */
public final class MarkLexicon {

    /** @param ordinary the alias is also an everyday word ("apple", "苹果") */
    private record Alias(Mark mark, String form, int words, boolean ordinary) {
    }

    private final List<Mark> marks;
    private final Folding folding;
    private final EnglishWords english;
    private final Map<String, List<Alias>> exact = new HashMap<>();
    private final Map<String, List<Alias>> weak = new HashMap<>();
    private final Map<String, List<Alias>> collapsed = new HashMap<>();
    private final Map<String, List<Alias>> deletions = new HashMap<>();
    private final Map<Character, List<Alias>> cjkByFirst = new HashMap<>();

    MarkLexicon(List<Mark> marks, Folding folding, EnglishWords english) {
        this.marks = List.copyOf(marks);
        this.folding = folding;
        this.english = english;
        for (Mark mark : marks) {
            List<String> names = new ArrayList<>();
            names.add(mark.name());
            names.addAll(mark.aliases());
            for (String name : names) {
                index(mark, name);
            }
            for (String abbreviation : mark.weakAliases()) {
                weak.computeIfAbsent(folding.fold(abbreviation.replace(" ", "")), k -> new ArrayList<>())
                        .add(new Alias(mark, abbreviation, 1, true));
            }
        }
        cjkByFirst.values().forEach(list -> list.sort(Comparator.comparingInt((Alias a) -> a.form().length()).reversed()));
    }

    public List<Mark> marks() {
        return marks;
    }

    /** The marks one name (folded, whole) stands for: "popmart", "泡泡玛特". */
    List<Mark> named(String folded) {
        List<Mark> out = new ArrayList<>();
        List<Alias> hits = exact.get(folded);
        if (hits != null) {
            hits.forEach(a -> out.add(a.mark()));
        }
        if (!folded.isEmpty()) {
            List<Alias> cjk = cjkByFirst.get(folded.charAt(0));
            if (cjk != null) {
                cjk.stream().filter(a -> a.form().equals(folded)).forEach(a -> out.add(a.mark()));
            }
        }
        return out;
    }

    private void index(Mark mark, String name) {
        String lower = name.strip();
        if (lower.isEmpty()) {
            return;
        }
        if (lower.chars().anyMatch(c -> ListingWords.isCjk((char) c))) {
            String form = java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
            cjkByFirst.computeIfAbsent(form.charAt(0), k -> new ArrayList<>()).add(new Alias(mark, form, 1, mark.isOrdinary(name)));
            return;
        }
        List<String> parts = folding.foldWords(lower);
        if (parts.isEmpty()) {
            return;
        }
        String form = String.join("", parts);
        // a one-word name that is also an English word ("coach", "shell") proves little on its own
        boolean ordinary = mark.isOrdinary(name) || parts.size() == 1 && english.isCommon(form);
        Alias alias = new Alias(mark, form, parts.size(), ordinary);
        exact.computeIfAbsent(form, k -> new ArrayList<>()).add(alias);
        if (form.length() < 4 || !form.chars().allMatch(Character::isLetter)) {
            return; // a short name has too many innocent neighbours to fuzz
        }
        collapsed.computeIfAbsent(Folding.collapseDoubles(form), k -> new ArrayList<>()).add(alias);
        if (form.length() >= 5) {
            deletions.computeIfAbsent(form, k -> new ArrayList<>()).add(alias);
            for (int i = 0; i < form.length(); i++) {
                String d = form.substring(0, i) + form.substring(i + 1);
                deletions.computeIfAbsent(d, k -> new ArrayList<>()).add(alias);
            }
        }
    }

    /** Every mark the text mentions, in reading order; a word belongs to at most one mention. */
    List<MarkMention> find(ListingWords text) {
        List<MarkMention> found = new ArrayList<>();
        List<ListingWords.Word> words = text.words();
        int i = 0;
        while (i < words.size()) {
            int used = matchAt(text, i, found);
            i += Math.max(used, 1);
        }
        findCjk(text, found);
        return found;
    }

    /** Finds a mention starting at word i; answers how many words it used (0 when none). */
    private int matchAt(ListingWords text, int i, List<MarkMention> found) {
        List<ListingWords.Word> words = text.words();
        ListingWords.Word w = words.get(i);
        // up to four words that read as one alias: "louis vuitton", or a name split apart, "gu cci"
        for (int n = 4; n >= 2; n--) {
            if (i + n > words.size() || words.get(i + n - 1).field() != w.field()) {
                continue;
            }
            StringBuilder joined = new StringBuilder();
            for (int k = i; k < i + n; k++) {
                joined.append(words.get(k).folded());
            }
            List<Alias> hits = exact.get(joined.toString());
            if (hits != null) {
                for (Alias a : hits) {
                    // "US Polo Assn" for "U.S. Polo Assn." is the name written another way; "Gu cci" is a disguise
                    MatchKind how = a.words() == n || a.words() > 1 ? kindOfExact(text, i, i + n - 1) : MatchKind.SPACED;
                    if (how != null) {
                        found.add(mention(text, a, how, i, i + n - 1));
                        return n;
                    }
                }
            }
            // a name of several words misspelt in one of them: "Calvin Klien", "New Balence"
            String j = joined.toString();
            if (j.length() >= 8 && j.chars().allMatch(Character::isLetter) && !english.isWord(words.get(i + n - 1).folded())) {
                int span = n;
                List<Alias> near = lookalikes(j).stream().filter(a -> a.words() == span).toList();
                if (!near.isEmpty()) {
                    near.forEach(a -> found.add(mention(text, a, MatchKind.LOOKALIKE, i, i + span - 1)));
                    return n;
                }
            }
        }
        String f = w.folded();
        List<Alias> hits = exact.get(f);
        if (hits != null) {
            MatchKind how = w.spaced() ? MatchKind.SPACED : kindOfExact(text, i, i);
            if (how != null) {
                hits.forEach(a -> found.add(mention(text, a, how, i, i)));
            }
            return 1; // an exact alias is never also a lookalike of another mark
        }
        hits = weak.get(f);
        if (hits != null) {
            hits.forEach(a -> found.add(mention(text, a, MatchKind.WEAK, i, i)));
            return 1;
        }
        for (String reading : Folding.swapReadings(f)) {
            hits = exact.get(reading);
            if (hits != null && reading.length() >= 3) {
                hits.forEach(a -> found.add(mention(text, a, MatchKind.SWAPPED, i, i)));
                return 1;
            }
        }
        if (f.length() >= 3 && !english.isWord(f)) {
            for (String reading : Folding.shapeReadings(f)) {
                hits = exact.get(reading);
                if (hits != null) {
                    hits.forEach(a -> found.add(mention(text, a, MatchKind.SWAPPED, i, i)));
                    return 1;
                }
            }
        }
        if (f.length() >= 4 && f.chars().allMatch(Character::isLetter) && !english.isWord(f)) {
            List<Alias> near = lookalikes(f);
            if (!near.isEmpty()) {
                MatchKind how = Folding.mixesScripts(w.raw()) ? MatchKind.HOMOGLYPH : MatchKind.LOOKALIKE;
                near.forEach(a -> found.add(mention(text, a, how, i, i)));
                return 1;
            }
        }
        return 0;
    }

    /**
     * EXACT for the owner's spelling, HOMOGLYPH when another script's letters stand in, null for a word of
     * another language that merely folds to a mark (all Cyrillic, say).
     */
    private static MatchKind kindOfExact(ListingWords text, int from, int to) {
        boolean latin = false;
        for (int k = from; k <= to; k++) {
            String raw = text.words().get(k).raw();
            if (Folding.mixesScripts(raw)) {
                return MatchKind.HOMOGLYPH;
            }
            latin |= raw.chars().anyMatch(c -> Character.isLetter(c) && c < 0x250);
        }
        return latin ? MatchKind.EXACT : null;
    }

    private List<Alias> lookalikes(String f) {
        List<Alias> out = new ArrayList<>();
        String c = Folding.collapseDoubles(f);
        List<Alias> doubled = collapsed.get(c);
        if (doubled != null) {
            for (Alias a : doubled) {
                if (!a.mark().notLookalikes().contains(f)) {
                    out.add(a);
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        if (f.length() < 5) {
            return out;
        }
        List<String> keys = new ArrayList<>(f.length() + 1);
        keys.add(f);
        for (int i = 0; i < f.length(); i++) {
            keys.add(f.substring(0, i) + f.substring(i + 1));
        }
        for (String key : keys) {
            List<Alias> candidates = deletions.get(key);
            if (candidates == null) {
                continue;
            }
            for (Alias a : candidates) {
                if (!out.contains(a) && Folding.withinOneEdit(f, a.form()) && !a.mark().notLookalikes().contains(f)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private void findCjk(ListingWords text, List<MarkMention> found) {
        if (cjkByFirst.isEmpty()) {
            return;
        }
        List<ListingWords.Field> fields = text.fields();
        for (ListingWords.Field field : fields) {
            String lower = field.lower();
            int j = 0;
            while (j < lower.length()) {
                List<Alias> candidates = cjkByFirst.get(lower.charAt(j));
                int step = 1;
                if (candidates != null) {
                    for (Alias a : candidates) {
                        if (lower.startsWith(a.form(), j)) {
                            String seen = field.text().length() == lower.length()
                                    ? field.text().substring(j, j + a.form().length()) : a.form();
                            found.add(new MarkMention(a.mark(), MatchKind.EXACT, field.name(), seen, -1, j, a.ordinary()));
                            step = a.form().length();
                            break;
                        }
                    }
                }
                j += step;
            }
        }
    }

    private static MarkMention mention(ListingWords text, Alias alias, MatchKind how, int from, int to) {
        return new MarkMention(alias.mark(), how, text.field(text.words().get(from).field()).name(), text.text(from, to), from,
                text.words().get(from).start(), alias.ordinary());
    }
}
