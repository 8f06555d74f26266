package preflight.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** A shadow candidate's verdicts, each beside the live verdict of the same check. */
public final class ShadowVerdicts {

    /** The rules are the ids of the findings in force, sorted. */
    public record ShadowVerdict(String versionId, String checkId, String liveDecision, String shadowDecision,
                                List<String> liveRules, List<String> shadowRules, Instant at) {
    }

    private final DataSource db;

    public ShadowVerdicts(DataSource db) {
        this.db = db;
    }

    public void write(List<ShadowVerdict> verdicts) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO shadow_verdicts (version_id, check_id, live_decision, "
                     + "shadow_decision, live_rules, shadow_rules, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (ShadowVerdict v : verdicts) {
                s.setString(1, v.versionId());
                s.setString(2, v.checkId());
                s.setString(3, v.liveDecision());
                s.setString(4, v.shadowDecision());
                s.setString(5, String.join(",", v.liveRules()));
                s.setString(6, String.join(",", v.shadowRules()));
                s.setString(7, v.at().toString());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public List<ShadowVerdict> of(String versionId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT version_id, check_id, live_decision, shadow_decision, live_rules, "
                     + "shadow_rules, created_at FROM shadow_verdicts WHERE version_id = ? ORDER BY created_at")) {
            s.setString(1, versionId);
            List<ShadowVerdict> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ShadowVerdict(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            ids(rs.getString(5)), ids(rs.getString(6)), Instant.parse(rs.getString(7))));
                }
            }
            return out;
        }
    }

    private static List<String> ids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
