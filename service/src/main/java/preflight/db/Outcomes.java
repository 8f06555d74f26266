package preflight.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** Outcomes of published listings, and the forecasts they are compared with. */
public final class Outcomes {

    /** One forecast probability and whether the rule was then enforced: a point for calibration. */
    public record Pair(String ruleId, double probability, boolean enforced) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource db;

    public Outcomes(DataSource db) {
        this.db = db;
    }

    /** Records the outcome; false when the check already has one (an outcome is recorded once). */
    public boolean record(Outcome o) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM outcomes WHERE check_id = ?")) {
                exists.setString(1, o.checkId());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO outcomes (check_id, published, enforced, points, recorded_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, o.checkId());
                s.setBoolean(2, o.published());
                s.setString(3, JSON.writeValueAsString(o.enforced()));
                if (o.points() == null) {
                    s.setNull(4, java.sql.Types.INTEGER);
                } else {
                    s.setInt(4, o.points());
                }
                s.setString(5, o.recordedAt().toString());
                s.executeUpdate();
                return true;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every forecast of a published listing beside what happened to its rule. */
    public List<Pair> pairs() throws SQLException {
        List<Pair> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT f.rule_id, f.probability, o.enforced FROM forecasts f "
                     + "JOIN outcomes o ON o.check_id = f.check_id WHERE o.published = ?")) {
            s.setBoolean(1, true);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Set<String> enforced = enforced(rs.getString(3));
                    out.add(new Pair(rs.getString(1), rs.getDouble(2), enforced.contains(rs.getString(1))));
                }
            }
        }
        return out;
    }

    /** The rules a check's forecast covered, to learn from its outcome. */
    public List<String> forecastRules(String checkId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT rule_id FROM forecasts WHERE check_id = ?")) {
            s.setString(1, checkId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static Set<String> enforced(String json) {
        try {
            return new HashSet<>(JSON.readValue(json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            return Set.of();
        }
    }
}
