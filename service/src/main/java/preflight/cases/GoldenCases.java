package preflight.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import preflight.http.Json;

/** Reads golden cases from the test-cases folder, one sub-folder per market. */
public final class GoldenCases {

    private static final Set<String> EXPECT_KEYS = Set.of("decision", "findings", "upcoming", "absent");

    private GoldenCases() {
    }

    /** Every case of one market folder, or of all folders when market is null; problems are collected. */
    public static List<GoldenCase> load(Path dir, String market, List<String> problems) {
        List<GoldenCase> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": test-cases folder not found");
            return out;
        }
        ObjectMapper json = Json.mapper();
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String folder = f.getParent().getFileName().toString();
                if (f.getParent().equals(dir) || (market != null && !market.equals(folder))) {
                    continue;
                }
                read(json, f, folder, problems).ifPresent(out::add);
            }
        } catch (IOException e) {
            problems.add(dir + ": " + e.getMessage());
        }
        return out;
    }

    private static java.util.Optional<GoldenCase> read(ObjectMapper json, Path f, String folder, List<String> problems) {
        JsonNode root;
        try {
            root = json.readTree(f.toFile());
        } catch (IOException e) {
            problems.add(f + ": not valid JSON: " + e.getMessage().split("\n")[0]);
            return java.util.Optional.empty();
        }
        String note = root.path("note").asText("");
        JsonNode request = root.get("request");
        JsonNode expect = root.path("expect");
        int before = problems.size();
        if (note.isBlank()) {
            problems.add(f + ": 'note' must say what the case pins");
        }
        if (request == null || !request.isObject()) {
            problems.add(f + ": 'request' must be a check request object");
        } else if (request.path("options").path("asOf").asText("").isEmpty()) {
            problems.add(f + ": request.options.asOf must be set so the case does not change with the calendar");
        }
        if (!expect.isObject()) {
            problems.add(f + ": 'expect' must be an object");
        } else {
            expect.fieldNames().forEachRemaining(k -> {
                if (!EXPECT_KEYS.contains(k)) {
                    problems.add(f + ": unknown expect key '" + k + "' (known: " + EXPECT_KEYS + ")");
                }
            });
        }
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        String name = folder + "/" + f.getFileName().toString().replaceFirst("\\.json$", "");
        return java.util.Optional.of(new GoldenCase(name, folder, f.toString(), note, request,
                expect.hasNonNull("decision") ? expect.get("decision").asText() : null,
                list(expect.get("findings")), list(expect.get("upcoming")), list(expect.get("absent"))));
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(out::add);
        }
        return out;
    }
}
