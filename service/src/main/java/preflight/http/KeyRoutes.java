package preflight.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import preflight.db.StoredKeys;

/**
 * Key management for admins: make a key for a role (shown once, stored as its SHA-256), list keys, revoke
 * one. Keys can be made only when configuration holds at least one key: with none, every route is open
 * (the embedded default), and a key made then would lock out everyone else.
 */
final class KeyRoutes {

    private final Supplier<Admin> admin;
    private final ApiKeys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    KeyRoutes(Supplier<Admin> admin, ApiKeys keys, Clock clock) {
        this.admin = admin;
        this.keys = keys;
        this.clock = clock;
    }

    void register(RoutesConfig routes, Function<Context, JsonNode> body, Access access) {
        Set<Role> admins = Set.of(Role.ADMIN);
        routes.post("/v1/admin/keys", access.allow(admins, ctx -> create(ctx, body.apply(ctx))));
        routes.get("/v1/admin/keys", access.allow(admins, this::list));
        routes.delete("/v1/admin/keys/{keyId}", access.allow(admins, this::revoke));
    }

    private void create(Context ctx, JsonNode body) {
        if (keys.isOpen()) {
            throw new KeysClosedException();
        }
        Problems problems = new Problems();
        if (!problems.requireObject(body, "body")) {
            throw new InvalidRequestException(problems.list);
        }
        String roleName = problems.requiredString(body, "role", "role", 20);
        String sellerId = problems.optionalString(body, "sellerId", "sellerId", 200);
        String label = problems.requiredString(body, "label", "label", 200);
        Role role = null;
        if (roleName != null) {
            try {
                role = Role.named(roleName);
            } catch (IllegalArgumentException e) {
                problems.add("role", "one of listing-flow, seller, officer, admin");
            }
        }
        if (role == Role.SELLER && sellerId == null) {
            problems.add("sellerId", "required for a seller key: the store it may read");
        } else if (role != null && role != Role.SELLER && sellerId != null) {
            problems.add("sellerId", "only a seller key belongs to a store");
        }
        if (!problems.list.isEmpty()) {
            throw new InvalidRequestException(problems.list);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = "pf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        StoredKeys.StoredKey k = new StoredKeys.StoredKey(UUID.randomUUID().toString(), ApiKeys.hash(key), role.id(), sellerId,
                label, Access.actor(ctx), now, null);
        Admin a = admin();
        RolloutRoutes.db(() -> {
            a.keys().insert(k);
            keys.refreshFrom(a.keys());
            return a.audit().record(now, Access.actor(ctx), "key-created", null, null,
                    Map.of("keyId", k.keyId(), "role", k.role(), "label", label, "sellerId", sellerId == null ? "" : sellerId));
        });
        Map<String, Object> out = new LinkedHashMap<>(view(k));
        out.put("key", key);
        out.put("note", "the key is shown this once; only its hash is kept");
        ctx.status(201).json(out);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> made = RolloutRoutes.db(() -> admin().keys().all()).stream().map(KeyRoutes::view).toList();
        List<Map<String, Object>> configured = keys.configured().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("role", p.role().id());
            m.put("sellerId", p.sellerId());
            m.put("label", p.label());
            return m;
        }).toList();
        ctx.json(Map.of("configured", configured, "made", made));
    }

    private void revoke(Context ctx) {
        String id = ctx.pathParam("keyId");
        Admin a = admin();
        Instant now = clock.instant();
        boolean revoked = RolloutRoutes.db(() -> {
            boolean done = a.keys().revoke(id, now);
            if (done) {
                keys.refreshFrom(a.keys());
                a.audit().record(now, Access.actor(ctx), "key-revoked", null, null, Map.of("keyId", id));
            }
            return done;
        });
        if (!revoked) {
            throw new StoreRoutes.NotFoundException("keyId", "no key " + Problems.printable(id) + " that is not revoked already");
        }
        ctx.json(Map.of("keyId", id, "revokedAt", now.toString()));
    }

    private static Map<String, Object> view(StoredKeys.StoredKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keyId", k.keyId());
        m.put("role", k.role());
        m.put("sellerId", k.sellerId());
        m.put("label", k.label());
        m.put("createdBy", k.createdBy());
        m.put("createdAt", k.createdAt().toString());
        m.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
        return m;
    }

    private Admin admin() {
        return RolloutRoutes.opened(admin);
    }

    /** Keys cannot be made while none is configured. */
    static final class KeysClosedException extends RuntimeException {
    }
}
