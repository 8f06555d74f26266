package preflight.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import preflight.ip.MessageTemplate;
import preflight.rules.RuleMeta;
import preflight.rules.RulePack;
import preflight.rules.RulePacks;

/**
 * Which English a translation was made from: beside {@code RULE-ID.message} and {@code RULE-ID.fix}, a translation
 * file holds {@code RULE-ID.source}, the fingerprint of the English message and fix it translates. When a rule's
 * English changes, the fingerprints differ: the translation is out of date, reports show the English instead, and
 * {@code rules translations} lists it until an officer has checked the translation and stamped it again.
 */
public final class TranslationSources {

    /** A translation whose English has changed since, or that was never stamped. */
    public record Outdated(Path file, String ruleId, String problem) {
        @Override
        public String toString() {
            return file + ": " + ruleId + ": " + problem;
        }
    }

    private final Path rulesDir;
    private final Path ipDir;
    private final RuleTranslations translations;

    public TranslationSources(Path rulesDir, Path regulationsDir, RuleTranslations translations) {
        this.rulesDir = rulesDir;
        this.ipDir = regulationsDir.resolve("ip");
        this.translations = translations;
    }

    /** The fingerprint of an English message and fix (16 hex digits of SHA-256). */
    public static String fingerprint(String message, String fix) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((message + "\n" + fix).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The translations of a locale (of one market, or all with the IP screen's when {@code market} is null) to check. */
    public List<Outdated> outdated(RulePacks packs, String locale, String market) {
        Map<String, String> entries = translations.entries(locale);
        List<Outdated> out = new ArrayList<>();
        english(packs, market).forEach((folder, rules) -> rules.forEach((id, fingerprint) -> {
            Path file = folder.resolve("messages_" + locale + ".properties");
            if (!entries.containsKey(id + ".message")) {
                return; // no translation: reports say so, and RuleTranslationsTest asks for one
            }
            String source = entries.get(id + ".source");
            if (source == null) {
                out.add(new Outdated(file, id,
                        "not stamped: check the translation against the English, then run rules translations --stamp"));
            } else if (!source.equals(fingerprint)) {
                out.add(new Outdated(file, id,
                        "translated from an earlier English message or fix (" + source + ", now " + fingerprint
                                + "): check the translation, then run rules translations --stamp"));
            }
        }));
        return out;
    }

    /**
     * Records that the translations of a locale match the English as it is now: every translated rule's
     * {@code RULE-ID.source} line is written (after its fix). Returns how many changed.
     */
    public int stamp(RulePacks packs, String locale, String market) {
        int changed = 0;
        for (Map.Entry<Path, Map<String, String>> e : english(packs, market).entrySet()) {
            Path file = e.getKey().resolve("messages_" + locale + ".properties");
            if (Files.isRegularFile(file)) {
                changed += stamp(file, e.getValue());
            }
        }
        return changed;
    }

    private static int stamp(Path file, Map<String, String> fingerprints) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            int changed = 0;
            for (Map.Entry<String, String> r : fingerprints.entrySet()) {
                String line = r.getKey() + ".source=" + r.getValue();
                int at = indexOf(lines, r.getKey() + ".source=");
                int fix = indexOf(lines, r.getKey() + ".fix=");
                if (at >= 0 && !lines.get(at).equals(line)) {
                    lines.set(at, line);
                    changed++;
                } else if (at < 0 && fix >= 0) {
                    lines.add(fix + 1, line);
                    changed++;
                }
            }
            if (changed > 0) {
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Each rule's English fingerprint, by the folder its translations live in. */
    private Map<Path, Map<String, String>> english(RulePacks packs, String market) {
        Map<Path, Map<String, String>> out = new LinkedHashMap<>();
        for (RulePack p : packs.all()) {
            if (market != null && !p.market().equals(market)) {
                continue;
            }
            for (RuleMeta r : p.ownRules()) {
                if (!r.message().isEmpty()) {
                    out.computeIfAbsent(rulesDir.resolve(p.market()), k -> new LinkedHashMap<>())
                            .put(r.id(), fingerprint(r.message(), r.fix()));
                }
            }
        }
        if (market == null || market.equals("ip")) {
            for (MessageTemplate t : MessageTemplate.all()) {
                out.computeIfAbsent(ipDir, k -> new LinkedHashMap<>())
                        .put(t.ruleId(), fingerprint(t.message(), t.fix()));
            }
        }
        return out;
    }
}
