package preflight.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import preflight.db.CheckRecord;
import preflight.db.Penalty;
import preflight.scoring.PenaltyProfile;
import preflight.store.StoreService;

/**
 * The store's record over HTTP: the penalty ledger ({@code /v1/stores/{sellerId}}), the check log
 * ({@code /v1/checks/{checkId}}), outcomes and calibration. Answers 503 while storage is not open, and
 * when the database is down (the error says so).
 */
final class StoreRoutes {

    private static final int MAX_ID = 200;

    private final Supplier<StoreService> stores;
    private final ObjectMapper json;
    private final Clock clock;

    StoreRoutes(Supplier<StoreService> stores, ObjectMapper json, Clock clock) {
        this.stores = stores;
        this.json = json;
        this.clock = clock;
    }

    void register(RoutesConfig routes, java.util.function.Function<Context, JsonNode> body, Access access) {
        Set<Role> flow = Set.of(Role.LISTING_FLOW);
        Set<Role> flowOrSeller = Set.of(Role.LISTING_FLOW, Role.SELLER);
        routes.post("/v1/stores/{sellerId}/penalties", access.allow(flow, ctx -> recordPenalty(ctx, body.apply(ctx))));
        routes.get("/v1/stores/{sellerId}", access.allow(flowOrSeller, this::standing));
        routes.get("/v1/checks/{checkId}", access.allow(flowOrSeller, this::check));
        routes.post("/v1/checks/{checkId}/outcome", access.allow(flow, ctx -> outcome(ctx, body.apply(ctx))));
        routes.get("/v1/calibration", access.allow(Set.of(Role.OFFICER), ctx -> ctx.json(service().calibration())));
    }

    private StoreService service() {
        StoreService s = stores.get();
        if (s == null) {
            throw new StorageClosedException();
        }
        return s;
    }

    private void recordPenalty(Context ctx, JsonNode body) {
        String sellerId = pathId(ctx, "sellerId");
        if (!body.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        Problems problems = new Problems();
        String violationType = problems.requiredString(body, "violationType", "violationType", 100);
        String ruleId = problems.optionalString(body, "ruleId", "ruleId", 100);
        String listingId = problems.optionalString(body, "listingId", "listingId", MAX_ID);
        String source = problems.optionalString(body, "source", "source", 200);
        String ledger = problems.optionalString(body, "ledger", "ledger", 50);
        String strike = problems.optionalString(body, "strike", "strike", 50);
        JsonNode points = body.get("points");
        if (points == null || points.isNull()) {
            problems.add("points", "required");
        } else if (!points.canConvertToInt() || !points.isIntegralNumber() || points.asInt() < 0 || points.asInt() > 1000) {
            problems.add("points", "a whole number from 0 to 1000");
        }
        LocalDate date = date(body, "date", problems);
        PenaltyProfile profile = profile(problems.optionalString(body, "platform", "platform", 50), "platform", problems);
        if (profile != null && ledger != null && profile.ledgers().stream().noneMatch(l -> l.id().equals(ledger))) {
            problems.add("ledger", "not a ledger of " + profile.platform() + ": "
                    + profile.ledgers().stream().map(PenaltyProfile.Ledger::id).toList());
        }
        if (profile != null && strike != null && profile.strikes().stream().noneMatch(s -> s.id().equals(strike))) {
            problems.add("strike", "not a strike count of " + profile.platform() + ": "
                    + profile.strikes().stream().map(PenaltyProfile.Strike::id).toList());
        }
        if (!problems.list.isEmpty()) {
            throw new InvalidRequestException(problems.list);
        }
        Penalty p = service().recordPenalty(sellerId, profile, ledger, violationType, ruleId, points.asInt(), strike, date,
                listingId, source == null ? "api" : source);
        ctx.status(201).json(p);
    }

    private void standing(Context ctx) {
        String sellerId = pathId(ctx, "sellerId");
        Access.ownStoreOnly(ctx, sellerId);
        Problems problems = new Problems();
        PenaltyProfile profile = profile(ctx.queryParam("platform"), "platform", problems);
        LocalDate asOf = LocalDate.now(clock);
        String day = ctx.queryParam("asOf");
        if (day != null) {
            try {
                asOf = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                problems.add("asOf", "a date as YYYY-MM-DD");
            }
        }
        if (!problems.list.isEmpty()) {
            throw new InvalidRequestException(problems.list);
        }
        ctx.json(service().standing(sellerId, profile, asOf));
    }

    private void check(Context ctx) {
        String checkId = pathId(ctx, "checkId");
        CheckRecord r = service().check(checkId).orElseThrow(() -> new NotFoundException("checkId",
                "no check " + checkId + " in the check log (a check made a moment ago may still be on its way)"));
        Access.ownStoreOnly(ctx, r.sellerId());
        ObjectNode out = json.createObjectNode();
        out.put("checkId", r.checkId());
        out.put("submissionId", r.submissionId());
        out.put("sellerId", r.sellerId());
        out.put("platform", r.platform());
        out.put("decision", r.decision());
        out.put("classifier", r.classifier());
        out.put("createdAt", r.createdAt().toString());
        try {
            out.set("rulePacks", json.readTree(r.rulePacks()));
            out.set("request", json.readTree(r.request()));
            out.set("verdict", json.readTree(r.verdict()));
        } catch (IOException e) {
            throw new IllegalStateException("a check record that is not JSON: " + r.checkId(), e);
        }
        ctx.json(out);
    }

    private void outcome(Context ctx, JsonNode body) {
        String checkId = pathId(ctx, "checkId");
        if (!body.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        Problems problems = new Problems();
        JsonNode published = body.get("published");
        if (published == null || !published.isBoolean()) {
            problems.add("published", published == null ? "required" : "true or false");
        }
        List<String> enforced = problems.stringList(body, "enforced", "enforced", 100);
        JsonNode points = body.get("points");
        if (points != null && !points.isNull() && (!points.isIntegralNumber() || points.asInt() < 0 || points.asInt() > 1000)) {
            problems.add("points", "a whole number from 0 to 1000");
        }
        if (!problems.list.isEmpty()) {
            throw new InvalidRequestException(problems.list);
        }
        Integer p = points == null || points.isNull() ? null : points.asInt();
        switch (service().recordOutcome(checkId, published.asBoolean(), enforced, p)) {
            case UNKNOWN_CHECK -> throw new NotFoundException("checkId", "no check " + checkId + " in the check log");
            case ALREADY_RECORDED -> ctx.status(409).json(Map.of("error", "outcome already recorded",
                    "details", List.of(new FieldProblem("checkId", "an outcome is recorded once per check"))));
            case RECORDED -> ctx.status(201).json(Map.of("checkId", checkId, "published", published.asBoolean(), "enforced", enforced));
        }
    }

    private PenaltyProfile profile(String platform, String field, Problems problems) {
        StoreService s = service();
        var profile = s.profile(platform);
        if (profile.isEmpty()) {
            problems.add(field, "no penalty profile for '" + Problems.printable(String.valueOf(platform)) + "'");
            return null;
        }
        return profile.get();
    }

    static String pathId(Context ctx, String name) {
        String id = ctx.pathParam(name);
        if (id.isBlank() || id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException(name, "1 to " + MAX_ID + " characters, no control characters");
        }
        return id;
    }

    private static LocalDate date(JsonNode body, String field, Problems problems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            problems.add(field, "required");
            return null;
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            problems.add(field, "a date as YYYY-MM-DD");
            return null;
        }
    }

    /** Storage is not open in this process. */
    static final class StorageClosedException extends RuntimeException {
    }

    /** The thing asked for does not exist. */
    static final class NotFoundException extends RuntimeException {
        final FieldProblem problem;

        NotFoundException(String field, String problem) {
            this.problem = new FieldProblem(field, problem);
        }
    }
}
