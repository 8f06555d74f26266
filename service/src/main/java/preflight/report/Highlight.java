package preflight.report;

import java.util.ArrayList;
import java.util.List;

/** Marks where evidence stands in the seller's own text, matching case-insensitively, as HTML. */
final class Highlight {

    private Highlight() {
    }

    /** The text, escaped, with every occurrence of every needle in a {@code <mark>}; overlapping marks merge. */
    static String mark(String text, List<String> needles) {
        if (needles == null || needles.isEmpty() || text.isEmpty()) {
            return Html.esc(text);
        }
        boolean[] marked = new boolean[text.length()];
        for (String needle : needles) {
            if (needle == null || needle.isBlank() || needle.length() > text.length()) {
                continue;
            }
            for (int i = 0; i + needle.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, needle, 0, needle.length())) {
                    java.util.Arrays.fill(marked, i, i + needle.length(), true);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && marked[j] == marked[i]) {
                j++;
            }
            spans.add(new int[] {i, j});
            i = j;
        }
        for (int[] s : spans) {
            String part = Html.esc(text.substring(s[0], s[1]));
            out.append(marked[s[0]] ? "<mark>" + part + "</mark>" : part);
        }
        return out.toString();
    }
}
