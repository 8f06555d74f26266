package preflight.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import preflight.ip.IpClassifier;
import preflight.ip.IpClassifiers;
import preflight.ip.IpData;
import preflight.ip.IpDataLoader;
import preflight.ip.IpScreen;
import preflight.regulations.RegulationCatalog;
import preflight.rollout.PackFiles;
import preflight.rules.PackLoader;
import preflight.rules.RulePacks;

/**
 * Compiled snapshots, one per label (and classifier setting) in a task manager's JVM, shared by its slots. Compiled
 * packs are read-only and the service shares them between threads too; compiling them once per slot instead took
 * each slot seconds of CPU and gave the JIT one set of generated rule classes per slot to warm.
 *
 * <p>This is the code base's one piece of static state: Flink gives the slots of one JVM no other way to share.
 * Only the latest snapshot is kept here; a task that still runs an older one holds its own reference to it.
 */
final class CompiledSnapshots {

    /** A snapshot's packs and IP screen, ready to check with. */
    record Compiled(RulePacks packs, IpScreen ip) {
    }

    private static final ConcurrentHashMap<String, Compiled> COMPILED = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Boolean, IpClassifier> MODELS = new ConcurrentHashMap<>();

    private CompiledSnapshots() {
    }

    /**
     * The compiled snapshot, compiled now if no slot of this JVM has yet. Throws what the service's loaders throw
     * when the snapshot is wrong (nothing is kept then).
     */
    static Compiled compile(PackSnapshot snapshot, boolean classifier) {
        // the digest too: a JVM that ran a label once (a test, a second job) must not take other files for it
        String key = snapshot.label + "@" + snapshot.digest() + (classifier ? "+classifier" : "");
        Compiled c = COMPILED.computeIfAbsent(key, k -> compileNow(snapshot, classifier));
        COMPILED.keySet().removeIf(k -> !k.equals(key));
        return c;
    }

    private static Compiled compileNow(PackSnapshot snapshot, boolean classifier) {
        Path dir;
        try {
            dir = snapshot.writeTo(Files.createTempDirectory("preflight-pack-snapshot"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RegulationCatalog catalog = RegulationCatalog.load(dir.resolve("country-regulations"));
            RulePacks packs = new PackLoader(dir.resolve("rules"), catalog, Clock.systemUTC()).loadAll();
            IpData data = new IpDataLoader().load(dir.resolve("country-regulations").resolve("ip"));
            // the embedded model is built once per JVM, on the first snapshot's examples; a re-screen waits for its answer
            IpClassifier model = classifier ? MODELS.computeIfAbsent(true, k -> IpClassifiers.embedded(data.examples(), 60_000)) : null;
            return new Compiled(packs, new IpScreen(data, catalog, model));
        } finally {
            PackFiles.deleteTree(dir);
        }
    }

}
