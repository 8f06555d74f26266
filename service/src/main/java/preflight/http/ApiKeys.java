package preflight.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import preflight.db.StoredKeys;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The API keys: those from configuration ({@code PREFLIGHT_API_KEYS}, entries separated by commas:
 * {@code listing-flow:KEY}, {@code seller@S-42:KEY}, {@code officer:KEY}, {@code admin:KEY}), and those an
 * admin made through the API (kept in the database, refreshed from it). Only each key's SHA-256 is kept;
 * the keys themselves are dropped after reading.
 */
public final class ApiKeys {

    /**
     * Who a key belongs to; {@code sellerId} only for the seller role; {@code label} names the key in the
     * audit log (never the key itself).
     */
    public record Principal(Role role, String sellerId, String label) {
    }

    private final Map<String, Principal> byHash;
    private final AtomicReference<Map<String, Principal>> stored = new AtomicReference<>(Map.of());

    private ApiKeys(Map<String, Principal> byHash) {
        this.byHash = byHash;
    }

    public static ApiKeys none() {
        return new ApiKeys(Map.of());
    }

    public static ApiKeys parse(String config) {
        Map<String, Principal> out = new HashMap<>();
        if (config == null || config.isBlank()) {
            return none();
        }
        for (String entry : config.split(",")) {
            String e = entry.strip();
            int colon = e.indexOf(':');
            if (colon <= 0 || colon == e.length() - 1) {
                throw new IllegalArgumentException("PREFLIGHT_API_KEYS: each entry is ROLE:KEY (seller@SELLER_ID:KEY); found '"
                        + (colon > 0 ? e.substring(0, colon) + ":…" : "…") + "'");
            }
            String who = e.substring(0, colon);
            String key = e.substring(colon + 1);
            if (key.length() < 16) {
                throw new IllegalArgumentException("PREFLIGHT_API_KEYS: the key of " + who + " is shorter than 16 characters");
            }
            String label = who + " (configured key " + hash(key).substring(0, 8) + ")";
            Principal p = who.startsWith("seller@") ? new Principal(Role.SELLER, who.substring("seller@".length()), label)
                    : new Principal(Role.named(who), null, label);
            if (out.put(hash(key), p) != null) {
                throw new IllegalArgumentException("PREFLIGHT_API_KEYS: one key is given twice");
            }
        }
        return new ApiKeys(Map.copyOf(out));
    }

    /** No key configured: the embedded default, where every route is open. */
    public boolean isOpen() {
        return byHash.isEmpty();
    }

    public Optional<Principal> find(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String h = hash(key);
        Principal p = byHash.get(h);
        return Optional.ofNullable(p != null ? p : stored.get().get(h));
    }

    /** Takes the keys made through the API that are not revoked, replacing the set read before. */
    public void refreshFrom(StoredKeys store) throws java.sql.SQLException {
        Map<String, Principal> out = new HashMap<>();
        for (StoredKeys.StoredKey k : store.all()) {
            if (k.revokedAt() == null) {
                out.put(k.hash(), new Principal(Role.named(k.role()), k.sellerId(), k.label() + " (key " + k.keyId().substring(0, 8) + ")"));
            }
        }
        stored.set(Map.copyOf(out));
    }

    /** The configured keys' principals, for the admin's list. */
    public java.util.Collection<Principal> configured() {
        return byHash.values();
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
