package preflight.flink;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import preflight.check.CheckService;
import preflight.ip.InvalidIpDataException;
import preflight.ip.IpScreen;
import preflight.regulations.InvalidCatalogException;
import preflight.rules.RulePacks;
import preflight.rules.UnableToCompilePackException;
import preflight.scoring.DecisionPolicy;

/**
 * The service's check inside one Flink task: the packs and the IP screen of a {@link PackSnapshot}, and the
 * service's own {@link CheckService} over them. A snapshot that does not compile is refused and the running one
 * stays.
 */
final class CheckEngine {

    /** What became of a snapshot: applied, or refused with the problems found. */
    record Applied(String label, boolean accepted, List<String> problems) {
    }

    private final AtomicReference<RulePacks> packs = new AtomicReference<>();
    private final AtomicReference<IpScreen> ip = new AtomicReference<>();
    private final boolean classifier;
    private final CheckService checks;
    private String label;
    private String digest;

    /** @param classifier the embedded classifier in the IP cascade; false: the marks lexicon alone */
    CheckEngine(boolean classifier) {
        this.classifier = classifier;
        this.checks = new CheckService(packs::get, ip::get, new DecisionPolicy(), 1);
    }

    CheckService checks() {
        return checks;
    }

    String label() {
        return label;
    }

    /**
     * A snapshot published on the control stream: applied, or refused. The one running now is not compiled again;
     * its label with other files is refused, for a label names one version (and verdicts name the label).
     */
    Applied offer(PackSnapshot snapshot) {
        if (!snapshot.label.equals(label)) {
            return apply(snapshot);
        }
        if (snapshot.digest().equals(digest)) {
            return new Applied(snapshot.label, true, List.of());
        }
        return refused(snapshot, List.of("the label " + snapshot.label + " already names other packs (" + digest
                + "; these are " + snapshot.digest() + "): publish the change under a new label"));
    }

    /** The snapshot's packs (compiled once per JVM, see {@link CompiledSnapshots}), swapped in only when all of them load. */
    Applied apply(PackSnapshot snapshot) {
        try {
            CompiledSnapshots.Compiled c = CompiledSnapshots.compile(snapshot, classifier);
            packs.set(c.packs());
            ip.set(c.ip());
            label = snapshot.label;
            digest = snapshot.digest();
            return new Applied(snapshot.label, true, List.of());
        } catch (UnableToCompilePackException e) {
            return refused(snapshot, e.problems().stream().map(Object::toString).toList());
        } catch (InvalidCatalogException e) {
            return refused(snapshot, e.problems());
        } catch (InvalidIpDataException e) {
            return refused(snapshot, e.problems());
        } catch (RuntimeException e) {
            // whatever else a snapshot does wrong (a path outside its folder, a file that is not text) refuses it too
            return refused(snapshot, List.of(String.valueOf(e)));
        }
    }

    private static Applied refused(PackSnapshot snapshot, List<String> problems) {
        return new Applied(snapshot.label, false, problems);
    }
}
