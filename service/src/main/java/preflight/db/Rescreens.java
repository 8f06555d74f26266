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
import java.util.Optional;
import javax.sql.DataSource;

/** Re-screens of the stored listings after a pack change, and the listings whose decision changed. */
public final class Rescreens {

    /** One re-screen: which packs changed (market to new version) and how many listings it judged and changed. */
    public record Run(String rescreenId, String status, List<String> markets, Map<String, String> versions, Instant startedAt,
                      Instant finishedAt, int compared, int changed) {
    }

    /** A stored listing whose decision the new packs change. */
    public record Change(String rescreenId, String sellerId, String listingKey, String source, String title,
                         String beforeDecision, String afterDecision, List<String> newlyFiring, List<String> noLongerFiring) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource db;

    public Rescreens(DataSource db) {
        this.db = db;
    }

    public void start(Run r) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO rescreens (rescreen_id, status, markets, versions, started_at, "
                     + "finished_at, compared, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, r.rescreenId());
            s.setString(2, r.status());
            s.setString(3, json(r.markets()));
            s.setString(4, json(r.versions()));
            s.setString(5, r.startedAt().toString());
            s.setString(6, null);
            s.setInt(7, 0);
            s.setInt(8, 0);
            s.executeUpdate();
        }
    }

    /** Records the run's outcome and its changed listings in one transaction. */
    public void finish(String rescreenId, String status, Instant at, int compared, List<Change> changes) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO rescreen_changes (rescreen_id, seller_id, listing_key, source, "
                    + "title, before_decision, after_decision, newly_firing, no_longer_firing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement u = c.prepareStatement("UPDATE rescreens SET status = ?, finished_at = ?, compared = ?, changed = ? "
                         + "WHERE rescreen_id = ?")) {
                for (Change ch : changes) {
                    s.setString(1, rescreenId);
                    s.setString(2, ch.sellerId());
                    s.setString(3, ch.listingKey());
                    s.setString(4, ch.source());
                    s.setString(5, ch.title() == null ? null : ch.title().substring(0, Math.min(500, ch.title().length())));
                    s.setString(6, ch.beforeDecision());
                    s.setString(7, ch.afterDecision());
                    s.setString(8, json(ch.newlyFiring()));
                    s.setString(9, json(ch.noLongerFiring()));
                    s.addBatch();
                }
                s.executeBatch();
                u.setString(1, status);
                u.setString(2, at.toString());
                u.setInt(3, compared);
                u.setInt(4, changes.size());
                u.setString(5, rescreenId);
                u.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        }
    }

    /** The latest runs, newest first. */
    public List<Run> latest(int limit) throws SQLException {
        return runs("", null, limit);
    }

    public Optional<Run> find(String rescreenId) throws SQLException {
        List<Run> r = runs(" WHERE rescreen_id = ?", rescreenId, 1);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    private List<Run> runs(String where, String arg, int limit) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT rescreen_id, status, markets, versions, started_at, finished_at, compared, "
                     + "changed FROM rescreens" + where + " ORDER BY started_at DESC LIMIT ?")) {
            int i = 1;
            if (arg != null) {
                s.setString(i++, arg);
            }
            s.setInt(i, limit);
            List<Run> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Run(rs.getString(1), rs.getString(2), read(rs.getString(3), new TypeReference<List<String>>() { }),
                            read(rs.getString(4), new TypeReference<Map<String, String>>() { }), Instant.parse(rs.getString(5)),
                            rs.getString(6) == null ? null : Instant.parse(rs.getString(6)), rs.getInt(7), rs.getInt(8)));
                }
            }
            return out;
        }
    }

    /** Changes of one run, or of one seller over the latest runs (newest first); either may be null. */
    public List<Change> changes(String rescreenId, String sellerId, int limit) throws SQLException {
        String where = rescreenId != null ? "WHERE ch.rescreen_id = ?" : "WHERE ch.seller_id = ?";
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ch.rescreen_id, ch.seller_id, ch.listing_key, ch.source, ch.title, "
                     + "ch.before_decision, ch.after_decision, ch.newly_firing, ch.no_longer_firing FROM rescreen_changes ch "
                     + "JOIN rescreens r ON r.rescreen_id = ch.rescreen_id " + where
                     + " ORDER BY r.started_at DESC, ch.seller_id, ch.listing_key LIMIT ?")) {
            s.setString(1, rescreenId != null ? rescreenId : sellerId);
            s.setInt(2, limit);
            List<Change> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), read(rs.getString(8), new TypeReference<List<String>>() { }),
                            read(rs.getString(9), new TypeReference<List<String>>() { })));
                }
            }
            return out;
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String s, TypeReference<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + s, e);
        }
    }
}
