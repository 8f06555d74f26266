package preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of part of the project (the global pack and some markets, their regulations and golden cases, the
 * IP data and penalty profiles) in a temporary folder, for tests that change rule files.
 */
public final class TestProject {

    public final Path root;

    public TestProject(Path root, String... markets) {
        this.root = root;
        copy(Path.of("rules", "global"), root.resolve("rules/global"));
        copy(Path.of("country-regulations", "ip"), root.resolve("country-regulations/ip"));
        copy(Path.of("country-regulations", "penalties"), root.resolve("country-regulations/penalties"));
        copy(Path.of("country-regulations", "global.yaml"), root.resolve("country-regulations/global.yaml"));
        copy(Path.of("test-cases", "global"), root.resolve("test-cases/global"));
        for (String m : markets) {
            copy(Path.of("rules", m), root.resolve("rules/" + m));
            copy(Path.of("country-regulations", m + ".yaml"), root.resolve("country-regulations/" + m + ".yaml"));
            copy(Path.of("test-cases", m), root.resolve("test-cases/" + m));
        }
    }

    /** The PREFLIGHT_* settings that point a server at this copy. */
    public Map<String, String> env() {
        return Map.of("PREFLIGHT_RULES_DIR", root.resolve("rules").toString(),
                "PREFLIGHT_REGULATIONS_DIR", root.resolve("country-regulations").toString(),
                "PREFLIGHT_TEST_CASES_DIR", root.resolve("test-cases").toString());
    }

    /**
     * A rule for the US pack that BLOCKs every listing mentioning a lantern: a pack change with a known effect. One
     * file, read by the service's tests and the Flink module's (both run from the project root).
     */
    public static final String LANTERN_BAN = read(Path.of("service/src/test/resources/lantern-ban.drl"));

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A condition a test waits for; it may read a database that is still coming back. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits up to 60 s for the condition; a database error while waiting counts as "not yet". */
    public static void waitFor(Condition c) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (c.holds()) {
                    return;
                }
            } catch (java.sql.SQLException notYet) {
                // the database is coming back
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within 60 s");
    }

    public static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
