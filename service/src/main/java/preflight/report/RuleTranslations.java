package preflight.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import preflight.ip.MessageTemplate;
import preflight.rules.Finding;

/**
 * Translations of the rules' messages and fixes, which compliance officers keep beside the rules:
 * {@code rules/<market>/messages_<locale>.properties} and, for the IP screen's findings,
 * {@code country-regulations/ip/messages_<locale>.properties}, as {@code RULE-ID.message} and {@code RULE-ID.fix}
 * (and there {@code value.missing}, the word for a brand the listing does not give), with {@code RULE-ID.source}
 * the fingerprint of the English they translate ({@link TranslationSources}).
 * The files are read again when one of them changes, so an edited translation shows in the next report.
 */
public final class RuleTranslations {

    private static final Logger log = LoggerFactory.getLogger(RuleTranslations.class);

    /** A finding's words in a locale; {@code translated} is false when they are the English fallback. */
    public record Words(String message, String fix, boolean translated) {
    }

    private record Loaded(List<String> fingerprint, Map<String, String> entries) {
    }

    private final Path rulesDir;
    private final Path ipDir;
    private final Map<String, MessageTemplate> ipTemplates = new HashMap<>();
    private final Map<String, Loaded> byLocale = new ConcurrentHashMap<>();

    public RuleTranslations(Path rulesDir, Path regulationsDir) {
        this.rulesDir = rulesDir;
        this.ipDir = regulationsDir.resolve("ip");
        MessageTemplate.all().forEach(t -> ipTemplates.put(t.ruleId(), t));
    }

    public Words words(Finding f, String locale) {
        if (locale.equals("en")) {
            return new Words(f.message(), f.fix(), true);
        }
        Map<String, String> entries = entries(locale);
        String message = entries.get(f.ruleId() + ".message");
        String fix = entries.get(f.ruleId() + ".fix");
        if (message == null || fix == null) {
            return new Words(f.message(), f.fix(), false);
        }
        MessageTemplate template = ipTemplates.get(f.ruleId());
        // a translation of other English than the rule's now is out of date: the English is shown, marked
        String source = entries.get(f.ruleId() + ".source");
        String english = template == null ? TranslationSources.fingerprint(f.message(), f.fix())
                : TranslationSources.fingerprint(template.message(), template.fix());
        if (source != null && !source.equals(english)) {
            return new Words(f.message(), f.fix(), false);
        }
        if (template == null) {
            return new Words(message, fix, true);
        }
        // an IP finding's words carry the listing's own mark and text: read them back and put them in the translation
        Map<String, String> values = new HashMap<>();
        TemplateArgs.read(template.message(), f.message()).ifPresent(values::putAll);
        TemplateArgs.read(template.fix(), f.fix()).ifPresent(values::putAll);
        if ("missing".equals(values.get("brand")) && entries.containsKey("value.missing")) {
            values.put("brand", entries.get("value.missing")); // the screen's word for a listing with no brand
        }
        if (!values.keySet().containsAll(TemplateArgs.names(message)) || !values.keySet().containsAll(TemplateArgs.names(fix))) {
            return new Words(f.message(), f.fix(), false);
        }
        return new Words(TemplateArgs.fill(message, values), TemplateArgs.fill(fix, values), true);
    }

    /** Every {@code RULE-ID.message} and {@code RULE-ID.fix} of a locale. */
    public Map<String, String> entries(String locale) {
        List<Path> files = files(locale);
        List<String> fingerprint = new ArrayList<>();
        for (Path f : files) {
            try {
                fingerprint.add(f + "@" + Files.getLastModifiedTime(f).toMillis() + "/" + Files.size(f));
            } catch (IOException e) {
                fingerprint.add(f + "@unreadable");
            }
        }
        Loaded current = byLocale.get(locale);
        if (current == null || !current.fingerprint().equals(fingerprint)) {
            current = new Loaded(fingerprint, read(files));
            byLocale.put(locale, current);
        }
        return current.entries();
    }

    private List<Path> files(String locale) {
        String name = "messages_" + locale + ".properties";
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(rulesDir)) {
            try (Stream<Path> dirs = Files.list(rulesDir)) {
                dirs.filter(Files::isDirectory).sorted().map(d -> d.resolve(name)).filter(Files::isRegularFile).forEach(out::add);
            } catch (IOException e) {
                log.warn("cannot list {}: {}", rulesDir, e.getMessage());
            }
        }
        Optional.of(ipDir.resolve(name)).filter(Files::isRegularFile).ifPresent(out::add);
        return out;
    }

    /** A file that cannot be read leaves its rules in English; it never stops a report. */
    private static Map<String, String> read(List<Path> files) {
        Map<String, String> out = new HashMap<>();
        for (Path f : files) {
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                Properties p = new Properties();
                p.load(in);
                p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).strip()));
            } catch (IOException | IllegalArgumentException e) {
                log.warn("translation file {} not read: {}", f, e.getMessage());
            }
        }
        return Map.copyOf(out);
    }
}
