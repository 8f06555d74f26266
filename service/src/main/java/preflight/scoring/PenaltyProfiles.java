package preflight.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import preflight.rules.Category;
import preflight.rules.Severity;

/** The penalty profiles, one YAML file per platform under {@code country-regulations/penalties/}. */
public final class PenaltyProfiles {

    private final Map<String, PenaltyProfile> byPlatform;

    private PenaltyProfiles(Map<String, PenaltyProfile> byPlatform) {
        this.byPlatform = byPlatform;
    }

    public Optional<PenaltyProfile> find(String platform) {
        return Optional.ofNullable(platform == null ? null : byPlatform.get(platform.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    public Collection<PenaltyProfile> all() {
        return byPlatform.values();
    }

    /** Every problem in every file at once; nothing half-loaded is returned. */
    public static PenaltyProfiles load(Path dir) {
        List<String> problems = new ArrayList<>();
        Map<String, PenaltyProfile> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": penalty profiles folder not found");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": " + e.getMessage());
        }
        for (Path file : files) {
            try {
                PenaltyProfile p = profile(file.getFileName().toString(), yaml.readTree(file.toFile()), problems);
                if (p != null) {
                    out.put(p.platform(), p);
                }
            } catch (IOException e) {
                problems.add(file.getFileName() + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new PenaltyProfiles(out);
    }

    private static PenaltyProfile profile(String file, JsonNode n, List<String> problems) {
        int before = problems.size();
        String platform = n.path("platform").asText("");
        if (platform.isBlank()) {
            problems.add(file + ": platform is required");
        }
        List<PenaltyProfile.Ledger> ledgers = new ArrayList<>();
        for (JsonNode l : n.path("ledgers")) {
            List<PenaltyProfile.Threshold> thresholds = new ArrayList<>();
            l.path("thresholds").forEach(t -> thresholds.add(new PenaltyProfile.Threshold(t.path("at").asInt(), t.path("sanction").asText(""))));
            String direction = l.path("direction").asText("up");
            if (!direction.equals("up") && !direction.equals("down")) {
                problems.add(file + ": ledger " + l.path("id").asText() + ": direction must be up or down");
            }
            if (l.path("countsForDays").asInt(0) < 1) {
                problems.add(file + ": ledger " + l.path("id").asText() + ": countsForDays must be at least 1");
            }
            ledgers.add(new PenaltyProfile.Ledger(l.path("id").asText(), l.path("title").asText(""), direction.equals("down"),
                    l.path("start").asInt(0), l.path("countsForDays").asInt(365), l.path("countsForDaysConfirmed").asBoolean(false),
                    List.copyOf(thresholds)));
        }
        if (ledgers.isEmpty()) {
            problems.add(file + ": at least one ledger is required");
        }
        Set<String> ledgerIds = new LinkedHashSet<>();
        ledgers.forEach(l -> ledgerIds.add(l.id()));
        List<PenaltyProfile.Strike> strikes = new ArrayList<>();
        n.path("strikes").forEach(s -> strikes.add(new PenaltyProfile.Strike(s.path("id").asText(), s.path("title").asText(""),
                s.path("limit").asInt(), s.path("sanction").asText(""))));
        List<PenaltyProfile.Violation> violations = new ArrayList<>();
        int i = 0;
        for (JsonNode v : n.path("violations")) {
            String where = file + ": violations[" + i++ + "]";
            Category category = enumValue(Category.class, v.path("category").asText(""), where + ": category", problems);
            Severity severity = v.hasNonNull("severity") ? enumValue(Severity.class, v.path("severity").asText(), where + ": severity", problems) : null;
            String ledger = v.path("ledger").asText(ledgers.isEmpty() ? "" : ledgers.get(0).id());
            if (!ledgerIds.contains(ledger)) {
                problems.add(where + ": unknown ledger '" + ledger + "'");
            }
            String strike = v.path("strike").asText(null);
            if (strike != null && strikes.stream().noneMatch(s -> s.id().equals(strike))) {
                problems.add(where + ": unknown strike '" + strike + "'");
            }
            double enforcement = v.path("enforcement").asDouble(-1);
            if (enforcement < 0 || enforcement > 1) {
                problems.add(where + ": enforcement must be a probability from 0 to 1");
            }
            if (v.path("points").asInt(-1) < 0) {
                problems.add(where + ": points must be a whole number of at least 0");
            }
            violations.add(new PenaltyProfile.Violation(category, severity, ledger, v.path("points").asInt(), strike, enforcement,
                    v.path("confirmed").asBoolean(false), v.path("note").asText(null)));
        }
        List<PenaltyProfile.Cap> caps = new ArrayList<>();
        for (JsonNode c : n.path("caps")) {
            Set<Category> categories = new LinkedHashSet<>();
            c.path("categories").forEach(x -> categories.add(enumValue(Category.class, x.asText(), file + ": caps", problems)));
            caps.add(new PenaltyProfile.Cap(categories, c.path("maxPoints").asInt(), c.path("confirmed").asBoolean(false),
                    c.path("note").asText(null)));
        }
        List<String> sources = new ArrayList<>();
        n.path("sources").forEach(s -> sources.add(s.asText()));
        if (problems.size() > before) {
            return null;
        }
        return new PenaltyProfile(platform.toLowerCase(java.util.Locale.ROOT), n.path("name").asText(platform), List.copyOf(sources),
                n.path("priorStrength").asInt(10), List.copyOf(ledgers), List.copyOf(strikes), List.copyOf(violations), List.copyOf(caps));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where, List<String> problems) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": '" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
