package preflight.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A pack's files as the roll-out keeps them: name to text. Spreadsheets ({@code .xlsx}) are binary and kept
 * as {@code base64:} text. Only a pack's own kinds of file are read or written, never a path.
 */
public final class PackFiles {

    /** pack.yaml, rules (DRL and decision tables) and the rules' translations (messages_zh.properties). */
    static final Pattern NAME = Pattern.compile("pack\\.yaml|[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(drl|csv|xlsx)|messages_[a-z]{2}\\.properties");
    private static final String BINARY = "base64:";

    private PackFiles() {
    }

    static boolean isPackFile(String name) {
        return NAME.matcher(name).matches();
    }

    /** The pack files in a market's folder; empty when there is no folder. */
    static Map<String, String> read(Path dir) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (isPackFile(name)) {
                    out.put(name, name.endsWith(".xlsx") ? BINARY + Base64.getEncoder().encodeToString(Files.readAllBytes(f))
                            : Files.readString(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Makes the folder hold exactly these pack files: new contents are written beside the old under
     * temporary names and moved into place, then pack files that are not in the set are removed.
     */
    static void write(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            Map<Path, Path> moves = new LinkedHashMap<>();
            for (Map.Entry<String, String> f : files.entrySet()) {
                if (!isPackFile(f.getKey())) {
                    throw new IllegalArgumentException("not a pack file name: " + f.getKey());
                }
                Path tmp = dir.resolve("." + f.getKey() + ".incoming");
                String v = f.getValue();
                if (v.startsWith(BINARY)) {
                    Files.write(tmp, Base64.getDecoder().decode(v.substring(BINARY.length())));
                } else {
                    Files.writeString(tmp, v);
                }
                moves.put(tmp, dir.resolve(f.getKey()));
            }
            for (Map.Entry<Path, Path> m : moves.entrySet()) {
                Files.move(m.getKey(), m.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            for (String old : new TreeSet<>(read(dir).keySet())) {
                if (!files.containsKey(old)) {
                    Files.delete(dir.resolve(old));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What differs between two sets of files: names added, removed and changed. */
    static Map<String, Object> diff(Map<String, String> from, Map<String, String> to) {
        TreeSet<String> added = new TreeSet<>(to.keySet());
        added.removeAll(from.keySet());
        TreeSet<String> removed = new TreeSet<>(from.keySet());
        removed.removeAll(to.keySet());
        TreeSet<String> changed = new TreeSet<>();
        to.forEach((name, text) -> {
            if (from.containsKey(name) && !from.get(name).equals(text)) {
                changed.add(name);
            }
        });
        return Map.of("added", added, "removed", removed, "changed", changed);
    }

    /** Copies a folder with everything in it (the live packs, to try a candidate in beside them). */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and what it holds, as far as it can: a temporary folder left behind is harmless. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the next candidate uses a new one
        }
    }
}
