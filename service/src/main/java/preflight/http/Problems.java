package preflight.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import preflight.listing.Countries;

/** Field-by-field checks that collect every problem of one request. */
final class Problems {

    final List<FieldProblem> list = new ArrayList<>();

    void add(String field, String problem) {
        list.add(new FieldProblem(field, problem));
    }

    boolean requireObject(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            add(field, "required");
            return false;
        }
        if (!n.isObject()) {
            add(field, "must be an object");
            return false;
        }
        return true;
    }

    String requiredString(JsonNode parent, String key, String field, int max) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            add(field, "required");
            return null;
        }
        String s = string(n, field, max);
        if (s != null && s.isBlank()) {
            add(field, "must not be empty");
            return null;
        }
        return s;
    }

    String optionalString(JsonNode parent, String key, String field, int max) {
        JsonNode n = parent.get(key);
        return n == null || n.isNull() ? null : string(n, field, max);
    }

    private String string(JsonNode n, String field, int max) {
        if (!n.isTextual()) {
            add(field, "must be a string");
            return null;
        }
        String problem = textProblem(n.asText(), max);
        if (problem != null) {
            add(field, problem);
            return null;
        }
        return n.asText();
    }

    List<String> stringList(JsonNode parent, String key, String field, int maxEach) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            add(field, "must be an array of strings");
            return List.of();
        }
        if (n.size() > CheckRequestParser.MAX_LIST) {
            add(field, "at most " + CheckRequestParser.MAX_LIST + " items");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String s = string(n.get(i), field + "[" + i + "]", maxEach);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    String country(JsonNode parent, String key, String field) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            add(field, "must be a country code string");
            return null;
        }
        String code = n.asText().trim().toUpperCase(Locale.ROOT);
        if (!Countries.isKnown(code) || Countries.EU.equals(code)) {
            add(field, "unknown country code '" + printable(n.asText()) + "'; use ISO 3166-1 alpha-2");
            return null;
        }
        return code;
    }

    /** A free-form attribute: string, finite non-negative number, boolean, list or object of those. */
    Object attributeValue(JsonNode n, String field, int depth) {
        if (depth > 4) {
            add(field, "nested too deeply (at most 4 levels)");
            return null;
        }
        if (n.isTextual()) {
            return string(n, field, CheckRequestParser.MAX_TEXT);
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                add(field, "must be a finite number");
                return null;
            }
            if (d < 0) {
                add(field, "must not be negative");
                return null;
            }
            return n.isIntegralNumber() && n.canConvertToLong() ? (Object) n.longValue() : (Object) d;
        }
        if (n.isArray()) {
            if (n.size() > CheckRequestParser.MAX_LIST) {
                add(field, "at most " + CheckRequestParser.MAX_LIST + " items");
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                Object v = attributeValue(n.get(i), field + "[" + i + "]", depth + 1);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Object v = attributeValue(e.getValue(), field + "." + e.getKey(), depth + 1);
                if (v != null) {
                    out.put(e.getKey(), v);
                }
            }
            return out;
        }
        return null; // JSON null: as if absent
    }

    /** Why a string cannot be accepted, or null: too long, control characters, broken surrogate pairs. */
    static String textProblem(String s, int max) {
        if (s.codePointCount(0, s.length()) > max) {
            return "at most " + max + " characters";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains broken Unicode (an unpaired surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains broken Unicode (an unpaired surrogate)";
            }
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
                return "contains control characters";
            }
        }
        return null;
    }

    /** A value safe to echo in an error message. */
    static String printable(String s) {
        String t = s.length() > 20 ? s.substring(0, 20) + "…" : s;
        return t.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
    }
}
