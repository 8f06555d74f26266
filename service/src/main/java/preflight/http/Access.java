package preflight.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call which route. With no key configured every route is open (the embedded default); with
 * keys, a request without a known key gets 401 and one whose role may not call the route gets 403.
 * The key comes as {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY}; admin may call anything.
 */
final class Access {

    private static final String PRINCIPAL = "preflight.principal";

    private final ApiKeys keys;

    Access(ApiKeys keys) {
        this.keys = keys;
    }

    Handler allow(Set<Role> roles, Handler handler) {
        if (keys.isOpen()) {
            return handler;
        }
        return ctx -> {
            ApiKeys.Principal p = keys.find(key(ctx)).orElseThrow(UnauthorizedException::new);
            if (p.role() != Role.ADMIN && !roles.contains(p.role())) {
                throw new ForbiddenException("the " + p.role().name + " role may not call this route");
            }
            ctx.attribute(PRINCIPAL, p);
            handler.handle(ctx);
        };
    }

    /** Who made the request, as the audit log names it. */
    static String actor(Context ctx) {
        ApiKeys.Principal p = ctx.attribute(PRINCIPAL);
        return p == null ? "anyone (no API keys are configured)" : p.label();
    }

    /** A seller's key reaches only its own store and checks. */
    static void ownStoreOnly(Context ctx, String sellerId) {
        Optional<ApiKeys.Principal> p = Optional.ofNullable(ctx.attribute(PRINCIPAL));
        if (p.isPresent() && p.get().role() == Role.SELLER && !p.get().sellerId().equals(sellerId)) {
            throw new ForbiddenException("a seller key reaches only its own store");
        }
    }

    /** The store a seller's key stands for; empty for every other caller. */
    static Optional<String> sellerOf(Context ctx) {
        ApiKeys.Principal p = ctx.attribute(PRINCIPAL);
        return p != null && p.role() == Role.SELLER ? Optional.of(p.sellerId()) : Optional.empty();
    }

    /** A record that belongs to a store (or, with null, to no store) is shown to a seller's key of that store only. */
    static void ownRecordOnly(Context ctx, String sellerId) {
        Optional<String> seller = sellerOf(ctx);
        if (seller.isPresent() && !seller.get().equals(sellerId)) {
            throw new ForbiddenException("a seller key reaches only its own store");
        }
    }

    private static String key(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        return ctx.header("X-API-Key");
    }

    /** No known key. */
    static final class UnauthorizedException extends RuntimeException {
    }

    /** A known key whose role may not do this. */
    static final class ForbiddenException extends RuntimeException {
        ForbiddenException(String message) {
            super(message);
        }
    }
}
