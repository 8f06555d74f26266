package preflight.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pack's {@code pack.yaml}: which market it is for, which packs it builds on, its version and owner.
 * Every pack but {@code global} builds on {@code global} unless it names other parents.
 */
public record PackManifest(String market, List<String> parents, String version, String owner, Path dir) {

    public static final String GLOBAL = "global";

    static PackManifest read(Path dir, List<PackProblem> problems) {
        Path file = dir.resolve("pack.yaml");
        String folder = dir.getFileName().toString();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            problems.add(new PackProblem(file.toString(), 0, "not valid YAML: " + e.getMessage()));
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(new PackProblem(file.toString(), 0, "must be a YAML object with market, version, owner"));
            return null;
        }
        String market = root.path("market").asText("");
        if (!folder.equals(market)) {
            problems.add(new PackProblem(file.toString(), 0, "market must be '" + folder + "' (the folder name), found '" + market + "'"));
        }
        String version = root.path("version").asText("");
        if (version.isBlank()) {
            problems.add(new PackProblem(file.toString(), 0, "version is required"));
        }
        List<String> parents = new ArrayList<>();
        root.path("parents").forEach(p -> parents.add(p.asText()));
        if (parents.isEmpty() && !GLOBAL.equals(folder)) {
            parents.add(GLOBAL);
        }
        return new PackManifest(folder, List.copyOf(parents), version, root.path("owner").asText(""), dir);
    }
}
