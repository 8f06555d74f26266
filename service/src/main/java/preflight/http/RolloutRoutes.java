package preflight.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import preflight.db.PackVersion;
import preflight.rollout.Rollout;
import preflight.store.StoreUnavailableException;

/**
 * Rule roll-out for officers: stage a candidate pack, preview it against the check log, run it in shadow
 * mode, activate it, roll back, and read the audit log. Answers 503 while storage is not open.
 */
final class RolloutRoutes {

    private static final int MAX_FILE = 512 * 1024;

    private final Supplier<Admin> admin;

    RolloutRoutes(Supplier<Admin> admin) {
        this.admin = admin;
    }

    void register(RoutesConfig routes, Function<Context, JsonNode> body, Access access) {
        Set<Role> officer = Set.of(Role.OFFICER);
        String candidate = "/v1/rule-packs/{market}/candidates/{versionId}";
        routes.post("/v1/rule-packs/{market}/candidates", access.allow(officer, ctx -> stage(ctx, body.apply(ctx))));
        routes.get("/v1/rule-packs/{market}/versions", access.allow(officer, ctx -> ctx.json(
                db(() -> admin().rollout().versions(ctx.pathParam("market"))).stream().map(v -> summary(v, false)).toList())));
        routes.get("/v1/rule-packs/{market}/versions/{versionId}", access.allow(officer, ctx -> ctx.json(summary(
                db(() -> admin().rollout().version(ctx.pathParam("market"), ctx.pathParam("versionId"))), true))));
        routes.get(candidate, access.allow(officer, ctx -> ctx.json(summary(
                db(() -> admin().rollout().version(ctx.pathParam("market"), ctx.pathParam("versionId"))), true))));
        routes.post(candidate + "/preview", access.allow(officer, ctx -> preview(ctx, body.apply(ctx))));
        routes.post(candidate + "/shadow", access.allow(officer, ctx -> shadow(ctx, body.apply(ctx))));
        routes.get(candidate + "/shadow", access.allow(officer, ctx -> ctx.json(
                db(() -> admin().shadow().summary(ctx.pathParam("market"), ctx.pathParam("versionId"))))));
        routes.post(candidate + "/activate", access.allow(officer, ctx -> {
            PackVersion live = db(() -> admin().rollout().activate(ctx.pathParam("market"), ctx.pathParam("versionId"), Access.actor(ctx)));
            admin().shadow().forget(live.versionId());
            ctx.json(summary(live, false));
        }));
        routes.post("/v1/rule-packs/{market}/rollback", access.allow(officer, ctx -> rollback(ctx, body.apply(ctx))));
        routes.get("/v1/audit", access.allow(officer, this::audit));
    }

    private void stage(Context ctx, JsonNode body) {
        Problems problems = new Problems();
        if (!problems.requireObject(body, "body")) {
            throw new InvalidRequestException(problems.list);
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (problems.requireObject(body.get("files"), "files")) {
            body.get("files").fields().forEachRemaining(f -> {
                String text = problems.requiredString(body.get("files"), f.getKey(), "files." + Problems.printable(f.getKey()), MAX_FILE);
                if (text != null) {
                    files.put(f.getKey(), text);
                }
            });
        }
        String note = problems.optionalString(body, "note", "note", 1000);
        if (!problems.list.isEmpty()) {
            throw new InvalidRequestException(problems.list);
        }
        PackVersion v = db(() -> admin().rollout().stage(ctx.pathParam("market"), files, note, Access.actor(ctx)));
        ctx.status(201).json(summary(v, false));
    }

    private void preview(Context ctx, JsonNode body) {
        Problems problems = new Problems();
        int last = 500;
        JsonNode n = body.get("last");
        if (n != null && !n.isNull()) {
            if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > Rollout.MAX_PREVIEW) {
                problems.add("last", "a whole number from 1 to " + Rollout.MAX_PREVIEW);
            } else {
                last = n.asInt();
            }
        }
        Instant from = instant(body, "from", problems);
        Instant to = instant(body, "to", problems);
        if (!problems.list.isEmpty()) {
            throw new InvalidRequestException(problems.list);
        }
        int limit = last;
        ctx.json(db(() -> admin().rollout().preview(ctx.pathParam("market"), ctx.pathParam("versionId"), limit, from, to)));
    }

    private void shadow(Context ctx, JsonNode body) {
        JsonNode on = body.get("enabled");
        if (on == null || !on.isBoolean()) {
            throw new InvalidRequestException("enabled", "true to run the candidate in shadow mode, false to stop");
        }
        String market = ctx.pathParam("market");
        String id = ctx.pathParam("versionId");
        String actor = Access.actor(ctx);
        ctx.json(summary(db(() -> on.asBoolean() ? admin().shadow().start(market, id, actor) : admin().shadow().stop(market, id, actor)), false));
    }

    private void rollback(Context ctx, JsonNode body) {
        Problems problems = new Problems();
        String id = body.isObject() ? problems.requiredString(body, "versionId", "versionId", 36) : null;
        if (!body.isObject()) {
            problems.add("body", "must be a JSON object");
        }
        if (!problems.list.isEmpty()) {
            throw new InvalidRequestException(problems.list);
        }
        ctx.json(summary(db(() -> admin().rollout().rollback(ctx.pathParam("market"), id, Access.actor(ctx))), false));
    }

    private void audit(Context ctx) {
        int limit = 100;
        String l = ctx.queryParam("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 1000) {
                throw new InvalidRequestException("limit", "a whole number from 1 to 1000");
            }
        }
        int n = limit;
        ctx.json(db(() -> admin().audit().latest(ctx.queryParam("market"), n)));
    }

    /** A version as the API shows it: its files' names and sizes, and their text only when asked for one version. */
    private static Map<String, Object> summary(PackVersion v, boolean withFiles) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("versionId", v.versionId());
        out.put("market", v.market());
        out.put("version", v.version());
        out.put("status", v.status());
        out.put("origin", v.origin());
        out.put("note", v.note());
        out.put("createdBy", v.createdBy());
        out.put("createdAt", v.createdAt().toString());
        out.put("activatedAt", v.activatedAt() == null ? null : v.activatedAt().toString());
        out.put("shadow", v.shadow());
        out.put("errors", v.errors());
        out.put("failedCases", v.failedCases());
        Map<String, Object> files = new LinkedHashMap<>();
        v.files().forEach((name, text) -> files.put(name, withFiles ? text : text.length() + " characters"));
        out.put("files", files);
        return out;
    }

    private static Instant instant(JsonNode body, String field, Problems problems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            problems.add(field, "an instant as 2026-11-26T00:00:00Z");
            return null;
        }
    }

    private Admin admin() {
        return opened(admin);
    }

    /** What storage holds for the admin routes; 503 while it is not open. */
    static Admin opened(Supplier<Admin> admin) {
        Admin a = admin.get();
        if (a == null) {
            throw new StoreRoutes.StorageClosedException();
        }
        return a;
    }

    /** A database call whose failure means the record cannot be read or written now. */
    interface Sql<T> {
        T run() throws SQLException;
    }

    static <T> T db(Sql<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new StoreUnavailableException("the database did not answer: " + e.getMessage(), e);
        }
    }
}
