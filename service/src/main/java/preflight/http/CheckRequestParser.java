package preflight.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import preflight.check.CheckRequest;
import preflight.listing.Categories;
import preflight.listing.Countries;
import preflight.listing.Product;
import preflight.listing.Seller;

/**
 * Turns a JSON check request into a {@link CheckRequest}, or lists every field that is wrong. Limits
 * follow api-v1; strings may not carry control characters or broken Unicode.
 */
public final class CheckRequestParser {

    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 20_000;
    static final int MAX_SHORT = 100;
    static final int MAX_TEXT = 1_000;
    static final int MAX_LIST = 100;
    static final int MAX_ATTRIBUTES = 100;
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2,4})?");
    private static final Pattern HS_CODE = Pattern.compile("[0-9][0-9. ]{1,13}");

    private final Clock clock;

    public CheckRequestParser(Clock clock) {
        this.clock = clock;
    }

    public CheckRequest parse(JsonNode body) {
        Problems p = new Problems();
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        String submissionId = p.optionalString(body, "submissionId", "submissionId", MAX_SHORT);
        Seller seller = seller(body.get("seller"), p);
        Product product = product(body.get("product"), p);
        List<String> targets = targets(body.get("targetCountries"), p);
        CheckRequest.Options options = options(body.get("options"), p);
        if (!p.list.isEmpty()) {
            throw new InvalidRequestException(p.list);
        }
        return new CheckRequest(submissionId, seller, product, targets, options);
    }

    private static Seller seller(JsonNode n, Problems p) {
        if (!p.requireObject(n, "seller")) {
            return null;
        }
        String id = p.requiredString(n, "id", "seller.id", MAX_SHORT);
        String country = p.country(n, "country", "seller.country");
        String platform = p.optionalString(n, "platform", "seller.platform", MAX_SHORT);
        return new Seller(id, country, platform);
    }

    private static Product product(JsonNode n, Problems p) {
        if (!p.requireObject(n, "product")) {
            return null;
        }
        String title = p.requiredString(n, "title", "product.title", MAX_TITLE);
        String description = p.optionalString(n, "description", "product.description", MAX_DESCRIPTION);
        String category = p.requiredString(n, "category", "product.category", MAX_SHORT);
        if (category != null && !Categories.isKnown(category)) {
            p.add("product.category", "unknown category '" + category + "'; one of " + String.join(", ", Categories.SLUGS));
        }
        String brand = p.optionalString(n, "brand", "product.brand", MAX_SHORT);
        List<String> keywords = p.stringList(n, "keywords", "product.keywords", MAX_SHORT);
        Map<String, Object> attributes = attributes(n.get("attributes"), p);
        List<String> certifications = p.stringList(n, "certifications", "product.certifications", MAX_SHORT);
        String hsCode = p.optionalString(n, "hsCode", "product.hsCode", 20);
        if (hsCode != null && !HS_CODE.matcher(hsCode).matches()) {
            p.add("product.hsCode", "must be an HS code of digits, e.g. 8518.30");
        }
        String origin = p.country(n, "origin", "product.origin");
        return new Product(title, description, category, brand, keywords, attributes, certifications, hsCode, origin);
    }

    private static Map<String, Object> attributes(JsonNode n, Problems p) {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            p.add("product.attributes", "must be an object");
            return Map.of();
        }
        if (n.size() > MAX_ATTRIBUTES) {
            p.add("product.attributes", "at most " + MAX_ATTRIBUTES + " attributes");
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "product.attributes." + e.getKey();
            String keyProblem = Problems.textProblem(e.getKey(), MAX_SHORT);
            if (keyProblem != null || e.getKey().isEmpty()) {
                p.add("product.attributes", "attribute name " + (keyProblem == null ? "is empty" : keyProblem));
                continue;
            }
            Object v = p.attributeValue(e.getValue(), field, 1);
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    private static List<String> targets(JsonNode n, Problems p) {
        String field = "targetCountries";
        if (n == null || n.isNull()) {
            p.add(field, "required");
            return List.of();
        }
        if (!n.isArray()) {
            p.add(field, "must be an array of country codes");
            return List.of();
        }
        if (n.isEmpty()) {
            p.add(field, "must name at least one country");
            return List.of();
        }
        if (n.size() > MAX_LIST) {
            p.add(field, "at most " + MAX_LIST + " countries");
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode c = n.get(i);
            String f = field + "[" + i + "]";
            if (!c.isTextual()) {
                p.add(f, "must be a country code string");
                continue;
            }
            String code = c.asText().trim().toUpperCase(Locale.ROOT);
            if (!Countries.isKnown(code)) {
                p.add(f, "unknown country code '" + Problems.printable(c.asText()) + "'; use ISO 3166-1 alpha-2, EU or UK");
                continue;
            }
            if (seen.add(Countries.canonical(code))) {
                out.add(code);
            }
        }
        return out;
    }

    private CheckRequest.Options options(JsonNode n, Problems p) {
        LocalDate today = LocalDate.now(clock);
        if (n == null || n.isNull()) {
            return new CheckRequest.Options(true, "en", today);
        }
        if (!n.isObject()) {
            p.add("options", "must be an object");
            return null;
        }
        boolean ipCheck = true;
        JsonNode ip = n.get("ipCheck");
        if (ip != null && !ip.isNull()) {
            if (ip.isBoolean()) {
                ipCheck = ip.booleanValue();
            } else {
                p.add("options.ipCheck", "must be true or false");
            }
        }
        String locale = p.optionalString(n, "locale", "options.locale", 12);
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            p.add("options.locale", "must be a language code such as en or zh");
        }
        LocalDate asOf = today;
        String asOfText = p.optionalString(n, "asOf", "options.asOf", 10);
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                p.add("options.asOf", "must be a date YYYY-MM-DD");
            }
        }
        return new CheckRequest.Options(ipCheck, locale == null ? "en" : locale, asOf);
    }
}
