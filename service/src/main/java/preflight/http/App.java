package preflight.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import preflight.check.CheckService;
import preflight.config.Settings;
import preflight.metrics.Metrics;
import preflight.reload.PackStatus;
import preflight.rollout.RolloutException;
import preflight.rules.LivePacks;
import preflight.store.StoreService;
import preflight.store.StoreUnavailableException;

/**
 * The HTTP edge: routes, body limits, and the one place where errors become JSON
 * ({@code {error, details:[{field, problem}]}}). A request never gets a 500 for bad input.
 */
public final class App {

    /** api-v1: request bodies are at most 1 MiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final CheckRequestParser parser;
    private final CheckService checks;
    private final LivePacks packs;
    private final BooleanSupplier ready;
    private final ObjectMapper json = Json.mapper();
    private final String openApi;
    private final UpcomingRules upcoming;
    private final StoreRoutes stores;
    private final Supplier<Map<String, Object>> storageHealth;
    private final java.util.function.Function<String, java.util.Optional<PackStatus>> packStatus;
    private final Access access;
    private final RolloutRoutes rollout;
    private final KeyRoutes keyRoutes;
    private final BatchRoutes batches;
    private final ReportRoutes reports;
    private final RescreenRoutes rescreens;
    private final Metrics metrics;
    private final Settings.Limits limits;
    private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong lastArrival = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    /** @param ready true once packs are compiled and warmed up; until then /health and checks answer 503 */
    public App(CheckRequestParser parser, CheckService checks, LivePacks packs, BooleanSupplier ready, Clock clock) {
        this(parser, checks, packs, ready, clock, () -> null, Map::of, m -> java.util.Optional.empty(), ApiKeys.none(), () -> null,
                new Metrics(), Settings.fromEnv(Map.of()).limits(), () -> null);
    }

    /**
     * @param stores        the store's record (ledger, check log, outcomes); null while storage is not open
     * @param storageHealth what /health says of the database and the check-log buffer
     * @param packStatus    a market's live pack and its last refused candidate
     * @param keys          the API keys; none configured leaves every route open
     * @param admin         rule roll-out and key management; null while storage is not open
     * @param metrics       what /metrics shows; requests are counted here
     * @param limits        the check queue, the longest wait for an evaluator
     * @param reporting     reports, batches and re-screens; null while storage is not open
     */
    public App(CheckRequestParser parser, CheckService checks, LivePacks packs, BooleanSupplier ready, Clock clock,
               Supplier<StoreService> stores, Supplier<Map<String, Object>> storageHealth,
               java.util.function.Function<String, java.util.Optional<PackStatus>> packStatus, ApiKeys keys,
               Supplier<Admin> admin, Metrics metrics, Settings.Limits limits, Supplier<Reporting> reporting) {
        this.parser = parser;
        this.upcoming = new UpcomingRules(clock);
        this.stores = new StoreRoutes(stores, json, clock);
        this.storageHealth = storageHealth;
        this.packStatus = packStatus;
        this.access = new Access(keys);
        this.rollout = new RolloutRoutes(admin);
        this.keyRoutes = new KeyRoutes(admin, keys, clock);
        this.batches = new BatchRoutes(reporting, json);
        this.reports = new ReportRoutes(stores, reporting, json);
        this.rescreens = new RescreenRoutes(reporting);
        this.metrics = metrics;
        this.limits = limits;
        this.checks = checks;
        this.packs = packs;
        this.ready = ready;
        this.openApi = OpenApi.document();
    }

    public Javalin create() {
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            // Jetty's own shutdown hook would stop the server at once on SIGTERM, beside ours that drains it first
            config.jetty.modifyServer(server -> server.setStopAtShutdown(false));
            config.routes.before(this::admit);
            config.requestLogger.http((ctx, ms) -> finished(ctx, ms));
            config.routes.post("/v1/checks", access.allow(Set.of(Role.LISTING_FLOW), this::check));
            config.routes.get("/v1/rule-packs", access.allow(Set.of(Role.OFFICER), this::rulePacks));
            config.routes.get("/v1/rule-packs/{market}", access.allow(Set.of(Role.OFFICER), ctx -> ctx.json(packStatus.apply(ctx.pathParam("market"))
                    .orElseThrow(() -> new StoreRoutes.NotFoundException("market", "no pack '" + ctx.pathParam("market") + "'")))));
            config.routes.get("/v1/regulations/upcoming", access.allow(Set.of(Role.LISTING_FLOW, Role.SELLER, Role.OFFICER), ctx -> {
                if (!packs.isLoaded()) {
                    throw new NotReadyException();
                }
                ctx.json(upcoming.answer(ctx, packs.get()));
            }));
            config.routes.get("/health", this::health);
            config.routes.get("/health/ready", this::health);
            config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "alive")));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            stores.register(config.routes, this::readBody, access);
            rollout.register(config.routes, this::readBody, access);
            keyRoutes.register(config.routes, this::readBody, access);
            batches.register(config.routes, access);
            reports.register(config.routes, access);
            rescreens.register(config.routes, access);
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            config.routes.exception(InvalidRequestException.class, (e, ctx) -> error(ctx, 400, "invalid request", e.problems()));
            config.routes.exception(PayloadTooLargeException.class, (e, ctx) -> error(ctx, 413, "request too large",
                    List.of(new FieldProblem("body", "at most " + MAX_BODY_BYTES + " bytes"))));
            config.routes.exception(NotReadyException.class, (e, ctx) -> {
                ctx.header("Retry-After", "1");
                error(ctx, 503, "not ready", List.of(new FieldProblem("service", "rule packs are still loading")));
            });
            config.routes.exception(CheckService.BusyException.class, (e, ctx) -> {
                metrics.checkRejected(e.reason());
                ctx.header("Retry-After", "1");
                error(ctx, 429, "too many checks", List.of(new FieldProblem("service", e.getMessage())));
            });
            config.routes.exception(DrainingException.class, (e, ctx) -> {
                ctx.header("Retry-After", "1").header("Connection", "close");
                error(ctx, 503, "shutting down", List.of(new FieldProblem("service", "this instance is stopping; send the request again")));
            });
            config.routes.exception(Access.UnauthorizedException.class, (e, ctx) -> {
                ctx.header("WWW-Authenticate", "Bearer");
                error(ctx, 401, "unauthorized", List.of(new FieldProblem("Authorization", "an API key is required: Bearer KEY or X-API-Key")));
            });
            config.routes.exception(Access.ForbiddenException.class, (e, ctx) -> error(ctx, 403, "forbidden",
                    List.of(new FieldProblem("Authorization", e.getMessage()))));
            config.routes.exception(StoreRoutes.StorageClosedException.class, (e, ctx) -> error(ctx, 503, "storage unavailable",
                    List.of(new FieldProblem("storage", "this process keeps no store record"))));
            config.routes.exception(StoreUnavailableException.class, (e, ctx) -> {
                ctx.header("Retry-After", "5");
                error(ctx, 503, "storage unavailable", List.of(new FieldProblem("storage", e.getMessage())));
            });
            config.routes.exception(RolloutException.class, (e, ctx) -> error(ctx, switch (e.kind()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case INVALID -> 400;
            }, switch (e.kind()) {
                case NOT_FOUND -> "not found";
                case CONFLICT -> "conflict";
                case INVALID -> "invalid request";
            }, List.of(new FieldProblem(e.field(), e.getMessage()))));
            config.routes.exception(KeyRoutes.KeysClosedException.class, (e, ctx) -> error(ctx, 409, "conflict",
                    List.of(new FieldProblem("PREFLIGHT_API_KEYS", "no key is configured, so every route is open; configure an admin key"
                            + " before making keys through the API"))));
            config.routes.exception(StoreRoutes.NotFoundException.class, (e, ctx) -> error(ctx, 404, "not found", List.of(e.problem)));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage(), List.of()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error", List.of());
            });
            config.routes.error(404, ctx -> error(ctx, 404, "not found", List.of(new FieldProblem("path", ctx.path()))));
        });
    }

    private void check(Context ctx) {
        if (!ready.getAsBoolean()) {
            throw new NotReadyException();
        }
        JsonNode body = readBody(ctx);
        byte[] out;
        try {
            preflight.check.Verdict verdict = checks.check(parser.parse(body), limits.checkQueue(),
                    java.time.Duration.ofMillis(limits.requestTimeoutMillis()));
            metrics.check(verdict); // the checks callers got, not the start-up warm-up's
            out = json.writeValueAsBytes(verdict);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("application/json").result(out);
    }

    private JsonNode readBody(Context ctx) {
        byte[] bytes = readLimited(ctx);
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            throw new InvalidRequestException("body", "not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the body without trusting Content-Length, stopping one byte past the limit. */
    private static byte[] readLimited(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new PayloadTooLargeException();
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidRequestException("body", "could not be read");
        }
    }

    private void rulePacks(Context ctx) {
        if (!packs.isLoaded()) {
            throw new NotReadyException();
        }
        ctx.json(packs.get().all().stream()
                .sorted((a, b) -> a.market().compareTo(b.market()))
                .map(p -> Map.of("market", p.market(), "version", p.version(), "owner", p.owner(),
                        "ruleCount", p.ownRules().size(), "files", p.files(), "parents", p.versions().keySet().stream()
                                .filter(m -> !m.equals(p.market())).toList(),
                        "loadedAt", p.loadedAt().toString()))
                .toList());
    }

    /**
     * Every request gets a request id (the caller's X-Request-Id when it sends a sane one), returned in the
     * response and on every log line of the request. While the instance drains, new requests get 503.
     */
    private void admit(Context ctx) {
        String id = ctx.header("X-Request-Id");
        if (id == null || id.isBlank() || id.length() > 100 || !id.matches("[\\x21-\\x7e]+")) {
            id = java.util.UUID.randomUUID().toString();
        }
        MDC.put("requestId", id);
        ctx.header("X-Request-Id", id);
        boolean probe = ctx.path().startsWith("/health") || ctx.path().equals("/metrics");
        if (!probe) {
            lastArrival.set(System.nanoTime());
        }
        if (draining.get() && !probe) {
            throw new DrainingException();
        }
        inFlight.incrementAndGet();
        ctx.attribute("preflight.counted", Boolean.TRUE);
    }

    private void finished(Context ctx, Float ms) {
        if (Boolean.TRUE.equals(ctx.attribute("preflight.counted"))) {
            inFlight.decrementAndGet();
        }
        String route;
        try {
            route = ctx.endpoint().path;
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        metrics.httpRequest(ctx.method().name(), route, ctx.statusCode(), (long) (ms * 1_000_000));
        // one line per request: what was called and how it went, never what the listing says
        if (route.startsWith("/health") || route.equals("/metrics")) {
            log.debug("{} {} {} {} ms", ctx.method().name(), route, ctx.statusCode(), ms);
        } else {
            log.info("{} {} {} {} ms", ctx.method().name(), route, ctx.statusCode(), ms);
        }
        MDC.remove("requestId");
    }

    /**
     * Stops taking requests (new ones get 503 and {@code Connection: close}, readiness says so) and waits
     * until those in flight have answered, at most {@code grace}. Returns how many were still in flight.
     */
    public int drain(java.time.Duration grace) throws InterruptedException {
        draining.set(true);
        long until = System.nanoTime() + grace.toNanos();
        // until none is in flight and none has arrived for a moment: a request Jetty took just before it saw
        // the drain is still on its way to the handlers, and must get its answer (503) before the server stops
        while ((inFlight.get() > 0 || System.nanoTime() - lastArrival.get() < QUIET.toNanos()) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return inFlight.get();
    }

    /** How long a draining server waits after the last request arrived before it stops. */
    private static final java.time.Duration QUIET = java.time.Duration.ofMillis(250);

    private void health(Context ctx) {
        boolean ok = ready.getAsBoolean() && !draining.get();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", draining.get() ? "stopping" : ok ? "ready" : "starting");
        body.putAll(storageHealth.get());
        ctx.status(ok ? 200 : 503).json(body);
    }

    private void error(Context ctx, int status, String error, List<FieldProblem> details) {
        ctx.status(status).json(Map.of("error", error, "details", details));
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.split("\n")[0];
        line = line.length() > 200 ? line.substring(0, 200) : line;
        return line.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
    }

    /** The body is over the limit. */
    static final class PayloadTooLargeException extends RuntimeException {
    }

    /** The instance is draining before it stops. */
    static final class DrainingException extends RuntimeException {
    }

    /** Packs are not compiled and warm yet. */
    static final class NotReadyException extends RuntimeException {
    }
}
