package preflight.ip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import preflight.listing.Product;

/** Reads the labelled IP evaluation set: every {@code *.jsonl} in a folder, one listing per line. */
public final class EvalSet {

    private EvalSet() {
    }

    public static List<EvalCase> load(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<EvalCase> cases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String where = file.getFileName() + ":" + (i + 1);
                try {
                    JsonNode n = json.readTree(lines.get(i));
                    String label = n.path("label").asText("");
                    JsonNode p = n.path("product");
                    if (!label.equals("infringing") && !label.equals("legitimate") || p.path("title").asText("").isBlank()
                            || p.path("category").asText("").isBlank()) {
                        problems.add(where + ": needs label (infringing|legitimate), product.title and product.category");
                        continue;
                    }
                    List<String> keywords = new ArrayList<>();
                    p.path("keywords").forEach(k -> keywords.add(k.asText()));
                    Product product = new Product(p.path("title").asText(), p.path("description").asText(null),
                            p.path("category").asText(), p.path("brand").asText(""), keywords, null, null, null, null);
                    cases.add(new EvalCase(n.path("id").asText(where), label.equals("infringing"), n.path("lang").asText(""),
                            n.path("kind").asText(""), n.path("note").asText(""), product));
                } catch (IOException e) {
                    problems.add(where + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("\n", problems));
        }
        return cases;
    }
}
