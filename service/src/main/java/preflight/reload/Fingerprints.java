package preflight.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the officers' files held at one moment, as one hash per pack folder, plus one for the regulation
 * catalog, the IP data and the golden cases. Comparing two tells a reload what it must rebuild.
 *
 * @param packs one hash per folder of the rules folder (the market's pack), by folder name
 */
record Fingerprints(Map<String, String> packs, String catalog, String ip, String cases) {

    static Fingerprints read(Path rulesDir, Path regulationsDir, Path ipDir, Path testCasesDir) {
        Map<String, String> packs = new TreeMap<>();
        for (Path dir : list(rulesDir)) {
            if (Files.isDirectory(dir)) {
                packs.put(dir.getFileName().toString(), hash(dir, true));
            }
        }
        return new Fingerprints(packs, hash(regulationsDir, false), hash(ipDir, true), hash(testCasesDir, true));
    }

    /** The pack folders added, removed or edited since {@code before}. */
    Set<String> packsChangedSince(Fingerprints before) {
        Set<String> out = new HashSet<>();
        packs.forEach((m, h) -> {
            if (!h.equals(before.packs.get(m))) {
                out.add(m);
            }
        });
        before.packs.keySet().stream().filter(m -> !packs.containsKey(m)).forEach(out::add);
        return out;
    }

    /** Hash of every file's relative path and bytes, in name order; {@code deep} also reads sub-folders. */
    private static String hash(Path dir, boolean deep) {
        MessageDigest digest = sha256();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = deep ? Files.walk(dir) : Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update(dir.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(Files.readAllBytes(f));
                }
            } catch (IOException e) {
                // a file vanished while being read (an editor saving): the next change event rereads it
                return "unreadable:" + e.getMessage();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
