package preflight.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** API keys an admin made through the API: only each key's SHA-256 is stored, never the key. */
public final class StoredKeys {

    /** One key; {@code sellerId} only for the seller role; revoked keys are kept, for the record. */
    public record StoredKey(String keyId, String hash, String role, String sellerId, String label, String createdBy,
                            Instant createdAt, Instant revokedAt) {
    }

    private final DataSource db;

    public StoredKeys(DataSource db) {
        this.db = db;
    }

    public void insert(StoredKey k) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO api_keys (key_id, key_hash, role, seller_id, label, created_by, "
                     + "created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)")) {
            s.setString(1, k.keyId());
            s.setString(2, k.hash());
            s.setString(3, k.role());
            s.setString(4, k.sellerId());
            s.setString(5, k.label());
            s.setString(6, k.createdBy());
            s.setString(7, k.createdAt().toString());
            s.executeUpdate();
        }
    }

    /** Revokes a key; false when there is no such key or it was revoked already. */
    public boolean revoke(String keyId, Instant at) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL")) {
            s.setString(1, at.toString());
            s.setString(2, keyId);
            return s.executeUpdate() == 1;
        }
    }

    /** Every key, revoked ones too, oldest first. */
    public List<StoredKey> all() throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT key_id, key_hash, role, seller_id, label, created_by, created_at, "
                     + "revoked_at FROM api_keys ORDER BY created_at")) {
            s.setQueryTimeout(2);
            List<StoredKey> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Instant.parse(rs.getString(7)),
                            rs.getString(8) == null ? null : Instant.parse(rs.getString(8))));
                }
            }
            return out;
        }
    }
}
