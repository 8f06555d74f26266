package preflight.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import preflight.regulations.RegulationCatalog;

/**
 * Reads every pack under the rules folder ({@code <market>/pack.yaml}, {@code *.drl} and decision tables), checks each
 * rule's metadata against the regulation catalog, and compiles one KieBase per market with its parents.
 * Nothing half-loaded comes out: either every pack loads, or every problem is thrown at once.
 */
public final class PackLoader {

    private final Path rulesDir;
    private final RegulationCatalog catalog;
    private final Clock clock;

    public PackLoader(Path rulesDir, RegulationCatalog catalog, Clock clock) {
        this.rulesDir = rulesDir;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Every pack, or an exception listing every problem of every pack: what the server starts with. */
    public RulePacks loadAll() {
        PackLoadResult result = load();
        if (!result.problems().isEmpty()) {
            throw new UnableToCompilePackException(result.problems());
        }
        return new RulePacks(result.packs());
    }

    /**
     * Every pack that loads, and the problems of those that do not; a pack whose parent fails, fails.
     * Officers' tools use this to work on one market while another is broken.
     */
    public PackLoadResult load() {
        return load(null);
    }

    /**
     * As {@link #load()}, compiling only the given markets (null: all). Every pack is still read and checked,
     * because ids must be unique across packs and a market compiles with its parents; a reload after an edit
     * to one pack compiles that pack and the packs built on it, not all of them.
     */
    public PackLoadResult load(Set<String> only) {
        List<PackProblem> problems = new ArrayList<>();
        Map<String, PackManifest> manifests = manifests(problems);
        Map<String, List<DrlFile>> files = new LinkedHashMap<>();
        Map<String, Integer> firstProblem = new HashMap<>();
        for (PackManifest m : manifests.values()) {
            int before = problems.size();
            files.put(m.market(), readFiles(m, problems));
            if (problems.size() > before) {
                firstProblem.put(m.market(), before);
            }
        }
        Set<String> broken = new HashSet<>(firstProblem.keySet());
        broken.addAll(checkUniqueIds(files, problems));
        Map<String, RulePack> packs = new HashMap<>();
        for (PackManifest m : manifests.values()) {
            if (only != null && !only.contains(m.market())) {
                continue;
            }
            List<String> chain = chain(m.market(), manifests, problems);
            if (chain == null || chain.stream().anyMatch(broken::contains)) {
                continue;
            }
            compile(m, chain, manifests, files, problems).ifPresent(p -> packs.put(m.market(), p));
        }
        if (!manifests.containsKey(PackManifest.GLOBAL)) {
            problems.add(new PackProblem(rulesDir.resolve(PackManifest.GLOBAL).toString(), 0, "the global pack is missing"));
        }
        return new PackLoadResult(packs, problems);
    }

    private Map<String, PackManifest> manifests(List<PackProblem> problems) {
        Map<String, PackManifest> out = new LinkedHashMap<>();
        if (!Files.isDirectory(rulesDir)) {
            problems.add(new PackProblem(rulesDir.toString(), 0, "rules folder not found"));
            return out;
        }
        try (Stream<Path> dirs = Files.list(rulesDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!Files.exists(dir.resolve("pack.yaml"))) {
                    problems.add(new PackProblem(dir.toString(), 0, "a pack folder needs a pack.yaml"));
                    continue;
                }
                PackManifest m = PackManifest.read(dir, problems);
                if (m != null) {
                    out.put(m.market(), m);
                }
            }
        } catch (IOException e) {
            problems.add(new PackProblem(rulesDir.toString(), 0, "cannot list: " + e.getMessage()));
        }
        return out;
    }

    private List<DrlFile> readFiles(PackManifest m, List<PackProblem> problems) {
        List<DrlFile> out = new ArrayList<>();
        try (Stream<Path> paths = Files.list(m.dir())) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".drl") || DecisionTable.isTable(f.toString())).sorted().toList()) {
                if (DecisionTable.isTable(p.toString())) {
                    out.add(DecisionTable.read(display(p), Files.readAllBytes(p), m.market(), catalog, problems));
                } else {
                    out.add(DrlFile.read(display(p), Files.readString(p, StandardCharsets.UTF_8), m.market(), catalog, problems));
                }
            }
        } catch (IOException e) {
            problems.add(new PackProblem(m.dir().toString(), 0, "cannot read: " + e.getMessage()));
        }
        return out;
    }

    /** Paths as the officer knows them: relative to the folder the rules folder sits in. */
    private String display(Path p) {
        Path base = rulesDir.toAbsolutePath().normalize().getParent();
        Path abs = p.toAbsolutePath().normalize();
        return base != null && abs.startsWith(base) ? base.relativize(abs).toString() : p.toString();
    }

    /** Reports ids used twice; returns the markets whose rules repeat an id. */
    private static Set<String> checkUniqueIds(Map<String, List<DrlFile>> files, List<PackProblem> problems) {
        Set<String> broken = new HashSet<>();
        Map<String, RuleMeta> seen = new HashMap<>();
        files.values().stream().flatMap(List::stream).flatMap(f -> f.rules().stream()).forEach(r -> {
            RuleMeta first = seen.putIfAbsent(r.id(), r);
            if (first != null) {
                problems.add(new PackProblem(r.file(), r.line(), "rule id " + r.id() + " is already used at "
                        + first.file() + ":" + first.line()));
                broken.add(r.market());
            }
        });
        return broken;
    }

    /** The market's ancestors, farthest first, then the market itself. */
    private static List<String> chain(String market, Map<String, PackManifest> manifests, List<PackProblem> problems) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (!visit(market, manifests, new LinkedHashSet<>(), out, problems)) {
            return null;
        }
        return new ArrayList<>(out);
    }

    private static boolean visit(String market, Map<String, PackManifest> manifests, LinkedHashSet<String> path,
                                 LinkedHashSet<String> out, List<PackProblem> problems) {
        PackManifest m = manifests.get(market);
        if (!path.add(market)) {
            problems.add(new PackProblem(m.dir().resolve("pack.yaml").toString(), 0, "parents form a cycle: " + path + " -> " + market));
            return false;
        }
        for (String parent : m.parents()) {
            if (!manifests.containsKey(parent)) {
                problems.add(new PackProblem(m.dir().resolve("pack.yaml").toString(), 0, "parent pack '" + parent + "' does not exist"));
                return false;
            }
            if (!visit(parent, manifests, path, out, problems)) {
                return false;
            }
        }
        path.remove(market);
        out.add(market);
        return true;
    }

    private java.util.Optional<RulePack> compile(PackManifest m, List<String> chain, Map<String, PackManifest> manifests,
                                                 Map<String, List<DrlFile>> files, List<PackProblem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, RuleMeta> all = new HashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, DrlFile> sources = new HashMap<>();
        for (String market : chain) {
            versions.put(market, manifests.get(market).version());
            for (DrlFile f : files.get(market)) {
                sources.put(f.displayPath(), f);
                builder.add(ResourceFactory.newByteArrayResource(f.text().getBytes(StandardCharsets.UTF_8))
                        .setSourcePath(f.displayPath()), ResourceType.DRL);
                f.rules().forEach(r -> all.put(RulePack.key(f.packageName(), r.name()), r));
            }
        }
        List<PackProblem> found = new ArrayList<>();
        for (KnowledgeBuilderError e : builder.getErrors()) {
            String file = e.getResource() == null ? m.dir().toString() : e.getResource().getSourcePath();
            int line = e.getLines() == null || e.getLines().length == 0 ? 0 : e.getLines()[0];
            DrlFile source = sources.get(file);
            line = source != null && line > 0 ? source.sourceLine().applyAsInt(line) : line;
            found.add(new PackProblem(file, line, e.getMessage().replaceAll("\\s+", " ").trim()));
        }
        for (PackProblem p : found) {
            // after a syntax error Drools adds "Parser returned a null Package": noise beside the real line
            boolean echo = p.message().startsWith("Parser returned a null Package")
                    && found.stream().anyMatch(o -> o != p && o.file().equals(p.file()));
            if (!echo && !problems.contains(p)) {
                problems.add(p);
            }
        }
        if (!found.isEmpty()) {
            return java.util.Optional.empty();
        }
        KieBase kieBase = builder.newKieBase();
        List<DrlFile> own = files.get(m.market());
        return java.util.Optional.of(new RulePack(m.market(), m.version(), m.owner(), versions,
                own.stream().map(DrlFile::displayPath).toList(),
                own.stream().flatMap(f -> f.rules().stream()).toList(),
                Map.copyOf(all), kieBase, clock.instant()));
    }
}
