package preflight.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the values a template was filled with: "The mark {mark} (owned by {owner})" against
 * "The mark Nike (owned by Nike, Inc.)" gives mark=Nike, owner=Nike, Inc. A finding keeps only its filled
 * text, and a translation needs the same values in its own sentence.
 */
final class TemplateArgs {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private TemplateArgs() {
    }

    /** The values, or empty when the text was not made from this template. */
    static Optional<Map<String, String>> read(String template, String filled) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new java.util.ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start())));
            String name = m.group(1);
            regex.append(names.contains(name) ? "\\k<" + name + ">" : "(?<" + name + ">.*?)");
            if (!names.contains(name)) {
                names.add(name);
            }
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        Matcher values = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(filled);
        if (!values.matches()) {
            return Optional.empty();
        }
        Map<String, String> out = new HashMap<>();
        names.forEach(n -> out.put(n, values.group(n)));
        return Optional.of(out);
    }

    /** The placeholders a template uses. */
    static java.util.Set<String> names(String template) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        PLACEHOLDER.matcher(template).results().forEach(r -> out.add(r.group(1)));
        return out;
    }

    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
