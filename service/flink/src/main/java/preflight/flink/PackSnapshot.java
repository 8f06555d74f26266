package preflight.flink;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a task needs to judge listings, as data that travels: the rules folder and the regulations folder
 * (the catalog, the IP screen's data, the penalty profiles), file by file, under a label that names the version:
 * one label, one set of files ({@link #digest()} tells them apart).
 * Published on the control stream, it reaches every parallel instance through broadcast state.
 * Plain fields (a HashMap of strings): Flink copies and checkpoints it without special serialisers.
 */
public final class PackSnapshot implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String BINARY = "base64:";

    /** The version's name, as the verdicts' {@code packSnapshot} field shows it. */
    public String label;
    /** Path under {@code rules/} to the file's text (spreadsheets as {@code base64:}). */
    public HashMap<String, String> rules;
    /** Path under {@code country-regulations/} to the file's text. */
    public HashMap<String, String> regulations;

    public PackSnapshot() {
    }

    public PackSnapshot(String label, Map<String, String> rules, Map<String, String> regulations) {
        this.label = label;
        this.rules = new HashMap<>(rules);
        this.regulations = new HashMap<>(regulations);
    }

    /**
     * A fingerprint of the files (SHA-256 over every path and text, in path order; 16 hex digits): two snapshots
     * under one label with other files have other digests.
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            add(sha, "rules/", rules);
            add(sha, "country-regulations/", regulations);
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void add(MessageDigest sha, String folder, Map<String, String> files) {
        for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
            sha.update((folder + f.getKey() + '\0' + f.getValue() + '\0').getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reads the two folders as they are on disk. */
    public static PackSnapshot read(String label, Path rulesDir, Path regulationsDir) {
        return new PackSnapshot(label, files(rulesDir), files(regulationsDir));
    }

    /** The same snapshot with one file replaced (or added): how a test or an officer publishes an edit. */
    public PackSnapshot with(String label, String rulesPath, String text) {
        PackSnapshot s = new PackSnapshot(label, rules, regulations);
        s.rules.put(rulesPath, text);
        return s;
    }

    /** Writes the snapshot under {@code dir} as {@code rules/} and {@code country-regulations/}; returns {@code dir}. */
    public Path writeTo(Path dir) {
        write(rules, dir.resolve("rules"));
        write(regulations, dir.resolve("country-regulations"));
        return dir;
    }

    private static Map<String, String> files(Path dir) {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                out.put(name, name.endsWith(".xlsx") ? BINARY + Base64.getEncoder().encodeToString(Files.readAllBytes(p))
                        : Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void write(Map<String, String> files, Path dir) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = dir.resolve(f.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalArgumentException("a snapshot path outside its folder: " + f.getKey());
                }
                Files.createDirectories(target.getParent());
                String v = f.getValue();
                if (v.startsWith(BINARY)) {
                    Files.write(target, Base64.getDecoder().decode(v.substring(BINARY.length())));
                } else {
                    Files.writeString(target, v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
