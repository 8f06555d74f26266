package preflight.regulations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The regulations rules may cite, one YAML file per market under {@code country-regulations/}:
 *
 * <pre>
 * market: JP
 * regulations:
 *   - id: JP-RADIO-ACT
 *     title: Radio Act (Act No. 131 of 1950)
 *     authority: Ministry of Internal Affairs and Communications
 *     url: https://...
 *     inForceFrom: 1950-06-01
 *     requires: what a seller must have or show
 *     confirmation: confirmed
 * </pre>
 */
public final class RegulationCatalog {

    private static final Set<String> CONFIRMATIONS = Set.of("confirmed", "partly", "unconfirmed");
    private static final Set<String> FIELDS = Set.of("id", "title", "authority", "url", "inForceFrom", "inForceTo",
            "requires", "confirmation", "note");

    private final Map<String, Regulation> byId;

    private RegulationCatalog(Map<String, Regulation> byId) {
        this.byId = byId;
    }

    public Optional<Regulation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Regulation> all() {
        return byId.values();
    }

    /** Loads every {@code *.yaml} in the folder; every problem in every file is reported at once. */
    public static RegulationCatalog load(Path dir) {
        List<String> problems = new ArrayList<>();
        Map<String, Regulation> byId = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            throw new InvalidCatalogException(List.of(dir + ": regulations folder not found"));
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                readFile(yaml, file, byId, problems);
            }
        } catch (IOException e) {
            problems.add(dir + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        return new RegulationCatalog(Map.copyOf(byId));
    }

    private static void readFile(ObjectMapper yaml, Path file, Map<String, Regulation> byId, List<String> problems) {
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(file + ": not valid YAML: " + e.getMessage().split("\n")[0]);
            return;
        }
        String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String market = root == null ? "" : root.path("market").asText("");
        if (!expected.equals(market)) {
            problems.add(file + ": 'market' must be " + expected + " (the file name), found '" + market + "'");
        }
        JsonNode list = root == null ? null : root.get("regulations");
        if (list == null || !list.isArray()) {
            problems.add(file + ": 'regulations' must be a list");
            return;
        }
        int index = 0;
        for (JsonNode r : list) {
            index++;
            String where = file + ": regulation " + index + " (" + r.path("id").asText("no id") + ")";
            r.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    problems.add(where + ": unknown field '" + name + "'");
                }
            });
            String id = required(r, "id", where, problems);
            String title = required(r, "title", where, problems);
            String url = required(r, "url", where, problems);
            if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
                problems.add(where + ": url must be an http(s) address of the official source");
            }
            String confirmation = r.path("confirmation").asText("unconfirmed");
            if (!CONFIRMATIONS.contains(confirmation)) {
                problems.add(where + ": confirmation must be one of " + CONFIRMATIONS);
            }
            LocalDate from = date(r, "inForceFrom", where, problems);
            LocalDate to = date(r, "inForceTo", where, problems);
            if (id == null || title == null || url == null) {
                continue;
            }
            if (byId.containsKey(id)) {
                problems.add(where + ": id " + id + " is already defined in " + byId.get(id).market() + ".yaml");
                continue;
            }
            byId.put(id, new Regulation(id, market, title, r.path("authority").asText(null), url, from, to,
                    r.path("requires").asText(null), confirmation, r.path("note").asText(null)));
        }
    }

    private static String required(JsonNode r, String field, String where, List<String> problems) {
        String v = r.path(field).asText("").trim();
        if (v.isEmpty()) {
            problems.add(where + ": '" + field + "' is required");
            return null;
        }
        return v;
    }

    private static LocalDate date(JsonNode r, String field, String where, List<String> problems) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            problems.add(where + ": '" + field + "' must be a date YYYY-MM-DD, found '" + v.asText() + "'");
            return null;
        }
    }
}
