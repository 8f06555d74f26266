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
    private static final Pattern MW = Pattern.compile("(\\d{1,6}(?:\\.\\d+)?)\\s?mw\\b");

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
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)").matcher(lower(v));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The lowest age in "3-8", "0-36 months", "14+", or a plain number; 99 when unreadable. */
    private static double youngestAge(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        String s = lower(v);
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)").matcher(s);
        if (!m.find()) {
            return 99;
        }
        double age = Double.parseDouble(m.group(1));
        return s.contains("month") || s.contains("个月") ? age / 12.0 : age;
    }

    /** A number stated as an attribute, else read from the text with its unit; NaN when neither says. */
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
