package preflight.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The words of a report around the rules' own messages, from the message bundles
 * {@code report/ui_<locale>.properties}. A key missing from a locale's bundle falls back to English.
 */
public final class ReportText {

    /** The locales reports are written in; the first is the fallback. */
    public static final List<String> LOCALES = List.of("en", "zh");

    /** The bundles, read once: they are part of the build and do not change while the service runs. */
    private static final Map<String, Map<String, String>> BUNDLES = LOCALES.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(l -> l, ReportText::bundle));

    private final String locale;
    private final Map<String, String> words;
    private final Map<String, String> english;

    private ReportText(String locale, Map<String, String> words, Map<String, String> english) {
        this.locale = locale;
        this.words = words;
        this.english = english;
    }

    /** @param locale one of {@link #LOCALES} */
    public static ReportText of(String locale) {
        if (!LOCALES.contains(locale)) {
            throw new IllegalArgumentException("no report locale " + locale);
        }
        return new ReportText(locale, BUNDLES.get(locale), BUNDLES.get("en"));
    }

    /** A supported locale for a request's language tag ("zh-CN" gives "zh"), or English. */
    public static String closest(String tag) {
        if (tag == null) {
            return "en";
        }
        String language = tag.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return LOCALES.contains(language) ? language : "en";
    }

    static Map<String, String> bundle(String locale) {
        String name = "report/ui_" + locale + ".properties";
        try (InputStream in = ReportText.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String locale() {
        return locale;
    }

    /** The text for a key with {0}, {1}... filled in (plain replacement: no MessageFormat quoting rules). */
    public String t(String key, Object... args) {
        String s = words.getOrDefault(key, english.getOrDefault(key, key));
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** A market's name in this locale: "*" is every market, EU and UK have names of their own. */
    public String market(String code) {
        return switch (code) {
            case "*" -> t("market.all");
            case "EU" -> t("market.EU");
            default -> {
                String name = new Locale("", code.equals("UK") ? "GB" : code).getDisplayCountry(javaLocale());
                yield name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
            }
        };
    }

    public String number(double value) {
        NumberFormat f = NumberFormat.getNumberInstance(javaLocale());
        f.setMaximumFractionDigits(value == Math.rint(value) ? 0 : 1);
        return f.format(value);
    }

    public String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(javaLocale());
        f.setMaximumFractionDigits(share > 0 && share < 0.01 ? 1 : 0);
        return f.format(share);
    }

    /** The HTML lang attribute. */
    public String htmlLang() {
        return t("lang");
    }

    private Locale javaLocale() {
        return locale.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
