package preflight.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import preflight.listing.Evidence;
import preflight.listing.Listing;
import preflight.listing.Trait;

/**
 * What a rule's condition looks at (phrases, traits, attributes, marks), read from its {@code when}
 * part once at load time, so that a finding can show the evidence without the officer writing it twice.
 */
record RuleTerms(Set<String> properties, Set<String> phrases, Set<String> attributes, boolean certifications) {

    private static final Pattern CALL = Pattern.compile("(mentionsAny|hasAttribute|number|attributeIs|hasCertification|hasAnyCertification|originIn|sellerCountryIn|marketIn|hsCodeStartsWith)\\s*\\(([^)]*)\\)");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WORD = Pattern.compile("\\b([a-zA-Z][a-zA-Z]*)\\b");
    /** Listing properties that can give evidence: every trait, plus the measured and declared facts. */
    private static final Set<String> PROPERTIES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(Trait.values()).map(t -> t.property),
            java.util.stream.Stream.of("batteryWh", "laserMilliwatts", "minimumAge", "category", "origin",
                    "sellerCountry", "hsCode", "market", "euMember", "brand"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    static RuleTerms parse(String when) {
        String text = when.replaceAll("//[^\n]*", "");
        Set<String> properties = new LinkedHashSet<>();
        Set<String> phrases = new LinkedHashSet<>();
        Set<String> attributes = new LinkedHashSet<>();
        boolean certs = false;
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            List<String> args = strings(call.group(2));
            switch (call.group(1)) {
                case "mentionsAny" -> phrases.addAll(args);
                case "hasAttribute", "number", "attributeIs" -> {
                    if (!args.isEmpty()) {
                        attributes.add(args.get(0));
                    }
                }
                case "hasCertification", "hasAnyCertification" -> certs = true;
                case "originIn" -> properties.add("origin");
                case "sellerCountryIn" -> properties.add("sellerCountry");
                case "marketIn" -> properties.add("market");
                case "hsCodeStartsWith" -> properties.add("hsCode");
                default -> { }
            }
        }
        Matcher word = WORD.matcher(STRING.matcher(text).replaceAll("\"\""));
        while (word.find()) {
            if (PROPERTIES.contains(word.group(1))) {
                properties.add(word.group(1));
            }
        }
        return new RuleTerms(properties, phrases, attributes, certs);
    }

    private static List<String> strings(String args) {
        List<String> out = new ArrayList<>();
        Matcher m = STRING.matcher(args);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The evidence in this listing for what the rule looked at; only what is really there. */
    List<Evidence> evidence(Listing listing) {
        List<Evidence> out = new ArrayList<>(4);
        for (String p : properties) {
            listing.evidenceOfProperty(p).ifPresent(e -> addOnce(out, e));
        }
        for (String p : phrases) {
            listing.evidenceOfPhrase(p).ifPresent(e -> addOnce(out, e));
        }
        for (String a : attributes) {
            listing.evidenceOfAttribute(a).ifPresent(e -> addOnce(out, e));
        }
        if (certifications) {
            addOnce(out, listing.declaredCertifications());
        }
        return out;
    }

    private static void addOnce(List<Evidence> out, Evidence e) {
        if (!out.contains(e)) {
            out.add(e);
        }
    }

}
