package preflight.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Who did what to the rules and the keys, and when. Append-only. */
public final class AuditLog {

    /** One recorded action; {@code detail} says what changed (files, versions, the key's role). */
    public record Entry(String auditId, Instant at, String actor, String action, String market, String versionId,
                        Map<String, Object> detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource db;

    public AuditLog(DataSource db) {
        this.db = db;
    }

    public Entry record(Instant at, String actor, String action, String market, String versionId, Map<String, Object> detail)
            throws SQLException {
        Entry e = new Entry(UUID.randomUUID().toString(), at, actor, action, market, versionId, detail);
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO audit_log (audit_id, at, actor, action, market, version_id, detail) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, e.auditId());
            s.setString(2, at.toString());
            s.setString(3, actor);
            s.setString(4, action);
            s.setString(5, market);
            s.setString(6, versionId);
            s.setString(7, JSON.writeValueAsString(detail));
            s.executeUpdate();
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(ex);
        }
        return e;
    }

    /** The latest entries, newest first; of one market when {@code market} is not null. */
    public List<Entry> latest(String market, int limit) throws SQLException {
        String where = market == null ? "" : " WHERE market = ?";
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT audit_id, at, actor, action, market, version_id, detail FROM audit_log"
                     + where + " ORDER BY at DESC LIMIT ?")) {
            int i = 1;
            if (market != null) {
                s.setString(i++, market);
            }
            s.setInt(i, limit);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getString(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), JSON.readValue(rs.getString(7), new TypeReference<>() { })));
                }
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("an audit row that is not the JSON it was written as", ex);
            }
            return out;
        }
    }
}
