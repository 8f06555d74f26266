package preflight.ip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import preflight.listing.Categories;

/**
 * Reads the IP screen's data from one folder ({@code country-regulations/ip/}): every {@code marks-*.yaml},
 * {@code counterfeit-phrases.yaml} and {@code classifier-examples.yaml}. Every problem in every file is
 * reported at once, as "file: message", and nothing half-loaded is ever returned.
 */
public final class IpDataLoader {

    private static final Set<String> MARK_FIELDS = Set.of("name", "owner", "kind", "areas", "aliases", "weakAliases",
            "ordinaryWord", "ordinaryAliases", "genericPhrases", "licensors", "deviceMark", "notLookalikes");
    private static final Set<String> PHRASE_FIELDS = Set.of("text", "lang", "strength", "unless", "notInCategories", "withMarkOnly");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Folding folding = new Folding();
    private final EnglishWords english = new EnglishWords();

    public IpData load(Path dir) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new InvalidIpDataException(List.of(dir + ": IP data folder not found"));
        }
        List<Mark> marks = new ArrayList<>();
        for (Path file : files(dir, problems)) {
            String name = file.getFileName().toString();
            if (name.startsWith("marks-") && name.endsWith(".yaml")) {
                marks.addAll(marks(file, problems));
            }
        }
        if (marks.isEmpty()) {
            problems.add(dir + ": no marks-*.yaml with any mark");
        }
        checkNames(marks, problems);
        List<CounterfeitPhrase> phrases = phrases(dir.resolve("counterfeit-phrases.yaml"), problems);
        List<ClassifierExample> examples = examples(dir.resolve("classifier-examples.yaml"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidIpDataException(problems);
        }
        return new IpData(new MarkLexicon(marks, folding, english), phrases, examples);
    }

    private static List<Path> files(Path dir, List<String> problems) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            problems.add(dir + ": cannot list: " + e.getMessage());
            return List.of();
        }
    }

    private JsonNode read(Path file, String listName, List<String> problems) {
        try {
            JsonNode root = yaml.readTree(file.toFile());
            if (root == null || !root.path(listName).isArray()) {
                problems.add(file + ": expected a top-level list '" + listName + ":'");
                return null;
            }
            return root.get(listName);
        } catch (IOException e) {
            problems.add(file + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
            return null;
        }
    }

    private List<Mark> marks(Path file, List<String> problems) {
        List<Mark> out = new ArrayList<>();
        JsonNode list = read(file, "marks", problems);
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String where = file.getFileName() + ": marks[" + i + "] " + m.path("name").asText("");
            int before = problems.size();
            unknownFields(m, MARK_FIELDS, where, problems);
            String name = text(m, "name", where, problems);
            String owner = text(m, "owner", where, problems);
            String kind = m.path("kind").asText("");
            if (!kind.equals("brand") && !kind.equals("character")) {
                problems.add(where + ": kind must be brand or character, found '" + kind + "'");
            }
            Set<String> areas = new LinkedHashSet<>(strings(m, "areas", where, problems));
            if (areas.isEmpty()) {
                problems.add(where + ": areas must list at least one category");
            }
            for (String area : areas) {
                if (!Categories.isKnown(area)) {
                    problems.add(where + ": area '" + area + "' is not a category of the taxonomy");
                }
            }
            List<String> aliases = strings(m, "aliases", where, problems);
            for (String alias : aliases) {
                boolean cjk = alias.chars().anyMatch(c -> ListingWords.isCjk((char) c));
                if (!cjk && alias.strip().length() < 3) {
                    problems.add(where + ": alias '" + alias + "' is shorter than 3 letters; put it under weakAliases");
                }
            }
            List<String> ordinaryAliases = strings(m, "ordinaryAliases", where, problems);
            ordinaryAliases.stream().filter(a -> !aliases.contains(a)).forEach(a ->
                    problems.add(where + ": ordinary alias '" + a + "' is not one of the aliases"));
            Set<String> notLookalikes = new LinkedHashSet<>();
            strings(m, "notLookalikes", where, problems).forEach(w -> notLookalikes.add(folding.fold(w)));
            if (problems.size() == before) {
                out.add(new Mark(name, owner, kind.equals("brand") ? MarkKind.BRAND : MarkKind.CHARACTER, areas, aliases,
                        strings(m, "weakAliases", where, problems), m.path("ordinaryWord").asBoolean(false),
                        ordinaryAliases,
                        strings(m, "genericPhrases", where, problems), strings(m, "licensors", where, problems),
                        m.path("deviceMark").asBoolean(false), notLookalikes, file.getFileName().toString()));
            }
        }
        return out;
    }

    /** A name may be one mark's only: two marks answering to one alias would make every finding a guess. */
    private void checkNames(List<Mark> marks, List<String> problems) {
        Map<String, Mark> byForm = new HashMap<>();
        for (Mark mark : marks) {
            Set<String> forms = new LinkedHashSet<>();
            forms.add(form(mark.name()));
            mark.aliases().forEach(a -> forms.add(form(a)));
            for (String form : forms) {
                Mark other = byForm.putIfAbsent(form, mark);
                if (other != null && other != mark) {
                    problems.add(mark.source() + ": " + mark.name() + ": name or alias '" + form + "' is also "
                            + other.name() + "'s (" + other.source() + ")");
                }
            }
        }
    }

    private String form(String name) {
        return String.join("", folding.foldWords(name));
    }

    /** The named top-level list of a file that must exist; null (and a problem) when it cannot be read. */
    private JsonNode required(Path file, String listName, List<String> problems) {
        if (!Files.exists(file)) {
            problems.add(file + ": missing");
            return null;
        }
        return read(file, listName, problems);
    }

    private List<CounterfeitPhrase> phrases(Path file, List<String> problems) {
        List<CounterfeitPhrase> out = new ArrayList<>();
        JsonNode list = required(file, "phrases", problems);
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String where = file.getFileName() + ": phrases[" + i + "] " + p.path("text").asText("");
            int before = problems.size();
            unknownFields(p, PHRASE_FIELDS, where, problems);
            String text = text(p, "text", where, problems);
            String lang = p.path("lang").asText("");
            if (!lang.equals("en") && !lang.equals("zh")) {
                problems.add(where + ": lang must be en or zh");
            }
            String strength = p.path("strength").asText("");
            if (!strength.equals("strong") && !strength.equals("weak")) {
                problems.add(where + ": strength must be strong or weak");
            }
            Set<String> notIn = new LinkedHashSet<>(strings(p, "notInCategories", where, problems));
            notIn.stream().filter(c -> !Categories.isKnown(c))
                    .forEach(c -> problems.add(where + ": '" + c + "' is not a category of the taxonomy"));
            if (problems.size() == before) {
                out.add(new CounterfeitPhrase(text, lang, strength.equals("strong"), strings(p, "unless", where, problems), notIn,
                        p.path("withMarkOnly").asBoolean(false)));
            }
        }
        return out;
    }

    private List<ClassifierExample> examples(Path file, List<String> problems) {
        List<ClassifierExample> out = new ArrayList<>();
        JsonNode list = required(file, "examples", problems);
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = file.getFileName() + ": examples[" + i + "]";
            String label = e.path("label").asText("");
            String lang = e.path("lang").asText("");
            String text = e.path("text").asText("");
            if (!label.equals("infringing") && !label.equals("legitimate")) {
                problems.add(where + ": label must be infringing or legitimate");
            } else if (!lang.equals("en") && !lang.equals("zh")) {
                problems.add(where + ": lang must be en or zh");
            } else if (text.isBlank()) {
                problems.add(where + ": text is required");
            } else {
                out.add(new ClassifierExample(label.equals("infringing"), lang, text));
            }
        }
        return out;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String where, List<String> problems) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                problems.add(where + ": unknown field '" + f + "'");
            }
        });
    }

    private static String text(JsonNode node, String field, String where, List<String> problems) {
        String value = node.path(field).asText("").strip();
        if (value.isEmpty()) {
            problems.add(where + ": " + field + " is required");
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String field, String where, List<String> problems) {
        JsonNode list = node.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            problems.add(where + ": " + field + " must be a list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : list) {
            String s = item.asText("").strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
