package preflight.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import preflight.db.Rescreens;
import preflight.store.StoreUnavailableException;

/**
 * The early warning after a pack change: officers see each re-screen and what it changed; a seller sees its
 * own listings whose decision changed ({@code /v1/stores/{sellerId}/rescreens}).
 */
final class RescreenRoutes {

    private final Supplier<Reporting> reporting;

    RescreenRoutes(Supplier<Reporting> reporting) {
        this.reporting = reporting;
    }

    void register(RoutesConfig routes, Access access) {
        routes.get("/v1/rescreens", access.allow(Set.of(Role.OFFICER), ctx -> ctx.json(read(() -> rescreens().latest(limit(ctx, 50))))));
        routes.get("/v1/rescreens/{rescreenId}", access.allow(Set.of(Role.OFFICER), this::one));
        routes.get("/v1/stores/{sellerId}/rescreens", access.allow(Set.of(Role.LISTING_FLOW, Role.SELLER), this::seller));
    }

    private Rescreens rescreens() {
        Reporting r = reporting.get();
        if (r == null) {
            throw new StoreRoutes.StorageClosedException();
        }
        return r.rescreens();
    }

    private void one(Context ctx) {
        String id = StoreRoutes.pathId(ctx, "rescreenId");
        Rescreens.Run run = read(() -> rescreens().find(id))
                .orElseThrow(() -> new StoreRoutes.NotFoundException("rescreenId", "no re-screen " + id));
        ctx.json(Map.of("rescreen", run, "changes", read(() -> rescreens().changes(id, null, limit(ctx, 1000)))));
    }

    private void seller(Context ctx) {
        String sellerId = StoreRoutes.pathId(ctx, "sellerId");
        Access.ownStoreOnly(ctx, sellerId);
        ctx.json(Map.of("sellerId", sellerId, "changes", read(() -> rescreens().changes(null, sellerId, limit(ctx, 200)))));
    }

    private static int limit(Context ctx, int fallback) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 5000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit", "a whole number from 1 to 5000");
    }

    private interface Read<T> {
        T get() throws SQLException;
    }

    private static <T> T read(Read<T> r) {
        try {
            return r.get();
        } catch (SQLException e) {
            throw new StoreUnavailableException("re-screens cannot be read: " + e.getMessage(), e);
        }
    }
}
