package preflight.listing;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills in what the seller left out: traits from category, attributes and unambiguous words, and the
 * numbers rules compare (battery watt-hours, laser output). Every inference keeps its evidence so the
 * seller can see why a rule thought the product was, say, a lithium battery.
 */
final class Inference {

    /** Nominal voltage of a lithium-ion cell, used to turn a stated mAh into Wh when no Wh is given. */
    private static final double LI_ION_NOMINAL_VOLTS = 3.7;
    private static final Pattern WH = Pattern.compile("(\\d{1,5}(?:\\.\\d+)?)\\s?wh\\b");
    private static final Pattern MAH = Pattern.compile("(\\d{3,6})\\s?mah\\b");
    private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");
    private static final Pattern MW = Pattern.compile("(\\d{1,6}(?:\\.\\d+)?)\\s?mw\\b");
    /** "2 year warranty", "12 months battery life": durations, not ages. */
    private static final String NOT_A_DURATION = "(?!\\s*(?:of\\s+)?(?:warranty|guarantee|battery|life|lifespan|service|use|storage|shelf))";
    /** Age grading as sellers write it: "ages 3+", "3 years and up", "3-8 years", "0-36 months", "3岁以上". */
    private static final Pattern AGE = Pattern.compile(
            "(?:\\bages?\\s*(\\d{1,2})\\s*(?:\\+|and up|to|-))"
                    + "|(?:\\b(\\d{1,2})\\s*(?:\\+|-\\s*\\d{1,2})?\\s*(?:years?|yrs?|y/o)\\b" + NOT_A_DURATION + ")"
                    + "|(?:\\b(\\d{1,2})\\s*(?:-\\s*\\d{1,2})?\\s*months?\\b" + NOT_A_DURATION + ")"
                    + "|(?:(\\d{1,2})\\s*(?:岁以上|岁\\+|-\\s*\\d{1,2}\\s*岁|岁))");

    private Inference() {
    }

    static Map<Trait, Evidence> traits(String category, Map<String, Object> attrs, SearchableText text) {
        Map<Trait, Evidence> found = new EnumMap<>(Trait.class);
        for (Trait t : Trait.values()) {
            fromAttributes(t, attrs).or(() -> fromText(t, text)).or(() -> fromCategory(t, category))
                    .ifPresent(e -> found.put(t, e));
        }
        return found;
    }

    private static Optional<Evidence> fromCategory(Trait t, String category) {
        return t.categories.contains(category) ? Optional.of(new Evidence("product.category", category)) : Optional.empty();
    }

    private static Optional<Evidence> fromText(Trait t, SearchableText text) {
        for (String phrase : t.phrases) {
            Optional<Evidence> e = text.find(phrase);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    private static Optional<Evidence> fromAttributes(Trait t, Map<String, Object> attrs) {
        return switch (t) {
            case WIRELESS -> stated(attrs, "wireless", v -> !isNegative(v));
            case LITHIUM_BATTERY -> stated(attrs, "battery", v -> lower(v).matches(".*(lithium|li-?ion|li-?po|lifepo|锂).*"));
            case BUTTON_BATTERY -> stated(attrs, "battery", v -> lower(v).matches(".*(button|coin|cr\\d{4}|lr4\\d|纽扣).*"));
            case MAINS_POWERED -> stated(attrs, "mainsPowered", v -> isTrue(v))
                    .or(() -> stated(attrs, "voltage", v -> volts(v) >= 50));
            case CHILDRENS_PRODUCT -> stated(attrs, "ageRange", v -> youngestAge(v) < 14);
            case CONNECTED -> stated(attrs, "wireless", v -> lower(v).matches(".*(wi-?fi|wlan|cellular|lte|4g|5g).*"));
            default -> Optional.empty();
        };
    }

    private interface Test {
        boolean holds(Object value);
    }

    private static Optional<Evidence> stated(Map<String, Object> attrs, String key, Test test) {
        Object v = attrs.get(key);
        return v != null && test.holds(v)
                ? Optional.of(new Evidence("product.attributes." + key, String.valueOf(v)))
                : Optional.empty();
    }

    private static String lower(Object v) {
        return String.valueOf(v).toLowerCase(Locale.ROOT);
    }

    private static boolean isTrue(Object v) {
        return v instanceof Boolean b ? b : List.of("true", "yes", "1").contains(lower(v));
    }

    private static boolean isNegative(Object v) {
        return v instanceof Boolean b ? !b : List.of("", "none", "no", "false", "0", "wired").contains(lower(v).trim());
    }

    private static double volts(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        Matcher m = FIRST_NUMBER.matcher(lower(v));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The lowest age in "3-8", "0-36 months", "14+", or a plain number; 99 when unreadable. */
    private static double youngestAge(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        String s = lower(v);
        Matcher m = FIRST_NUMBER.matcher(s);
        if (!m.find()) {
            return 99;
        }
        double age = Double.parseDouble(m.group(1));
        return s.contains("month") || s.contains("个月") ? age / 12.0 : age;
    }

    /** A number stated as an attribute, else read from the text with its unit; null when neither says. */
    static Measured batteryWh(Map<String, Object> attrs, SearchableText text) {
        Measured stated = numberAttribute(attrs, "batteryWh");
        if (stated != null) {
            return stated;
        }
        Measured wh = fromPattern(text, "wh", WH, 1.0, "");
        if (wh != null) {
            return wh;
        }
        return fromPattern(text, "mah", MAH, LI_ION_NOMINAL_VOLTS / 1000.0, " (mAh at 3.7 V nominal)");
    }

    /**
     * The youngest age the product is graded for, in years: the ageMin or ageRange attribute, else the
     * text. Months count as fractions of a year.
     */
    static Measured minimumAge(Map<String, Object> attrs, SearchableText text) {
        Measured stated = numberAttribute(attrs, "ageMin");
        if (stated != null) {
            return stated;
        }
        Object range = attrs.get("ageRange");
        if (range != null && youngestAge(range) < 99) {
            return new Measured(youngestAge(range), new Evidence("product.attributes.ageRange", String.valueOf(range)));
        }
        List<String> fields = text.normalisedFields();
        for (int i = 0; i < fields.size(); i++) {
            Matcher m = AGE.matcher(fields.get(i));
            if (m.find()) {
                double years = m.group(1) != null ? Double.parseDouble(m.group(1))
                        : m.group(2) != null ? Double.parseDouble(m.group(2))
                        : m.group(3) != null ? Double.parseDouble(m.group(3)) / 12.0
                        : Double.parseDouble(m.group(4));
                return new Measured(years, new Evidence(text.fieldName(i), m.group()));
            }
        }
        return null;
    }

    static Measured laserMilliwatts(Map<String, Object> attrs, SearchableText text) {
        Measured stated = numberAttribute(attrs, "laserPowerMw");
        return stated != null ? stated : fromPattern(text, "mw", MW, 1.0, "");
    }

    private static Measured numberAttribute(Map<String, Object> attrs, String key) {
        Object v = attrs.get(key);
        if (v instanceof Number n) {
            return new Measured(n.doubleValue(), new Evidence("product.attributes." + key, String.valueOf(v)));
        }
        return null;
    }

    /** @param unit a word the pattern needs: fields without it are not scanned (regex is the costly part) */
    private static Measured fromPattern(SearchableText text, String unit, Pattern p, double factor, String note) {
        List<String> fields = text.normalisedFields();
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).contains(unit)) {
                continue;
            }
            Matcher m = p.matcher(fields.get(i));
            if (m.find()) {
                return new Measured(Double.parseDouble(m.group(1)) * factor,
                        new Evidence(text.fieldName(i), m.group() + note));
            }
        }
        return null;
    }

    /** A number and where it was read. */
    record Measured(double value, Evidence evidence) {
    }
}
