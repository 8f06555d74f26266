package preflight.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Every check, on record: written in batches, read back by id. */
public final class CheckLog {

    private final DataSource db;

    public CheckLog(DataSource db) {
        this.db = db;
    }

    /** Writes the batch in one transaction; a record already written (a retry) is left as it is. */
    public void write(List<CheckRecord> records) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM checks WHERE check_id = ?");
                 PreparedStatement check = c.prepareStatement("INSERT INTO checks (check_id, submission_id, seller_id, platform, "
                         + "decision, classifier, rule_packs, request, verdict, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement forecast = c.prepareStatement(
                         "INSERT INTO forecasts (check_id, rule_id, probability, points) VALUES (?, ?, ?, ?)")) {
                for (CheckRecord r : records) {
                    exists.setString(1, r.checkId());
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                    check.setString(1, r.checkId());
                    check.setString(2, r.submissionId());
                    check.setString(3, r.sellerId());
                    check.setString(4, r.platform());
                    check.setString(5, r.decision());
                    check.setString(6, r.classifier());
                    check.setString(7, r.rulePacks());
                    check.setString(8, r.request());
                    check.setString(9, r.verdict());
                    check.setString(10, r.createdAt().toString());
                    check.addBatch();
                    for (CheckRecord.ForecastItem f : r.forecasts()) {
                        forecast.setString(1, r.checkId());
                        forecast.setString(2, f.ruleId());
                        forecast.setDouble(3, f.probability());
                        forecast.setInt(4, f.points());
                        forecast.addBatch();
                    }
                }
                check.executeBatch();
                forecast.executeBatch();
                c.commit();
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    // SQLite rolls back by itself on some errors (a full disk); the first error is the one to report
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** The most recent checks made in [from, to) (either may be null), newest first, at most {@code limit}. */
    public List<CheckRecord> recent(int limit, Instant from, Instant to) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM checks WHERE created_at >= ? AND created_at < ? "
                     + "ORDER BY created_at DESC LIMIT ?")) {
            // instants are stored as ISO-8601 text, which sorts as it reads
            s.setString(1, from == null ? "" : from.toString());
            s.setString(2, to == null ? "~" : to.toString());
            s.setInt(3, limit);
            List<CheckRecord> out = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(record(rs));
                }
            }
            return out;
        }
    }

    /** A check's listing as the log keeps it, without the verdict. */
    public record Listing(String checkId, String submissionId, String sellerId, String request) {
    }

    /**
     * The listings of the checks made since {@code from}, newest first, at most {@code limit}: what a re-screen
     * judges again. Only the requests are read; verdicts can be many times their size.
     */
    public List<Listing> listingsSince(Instant from, int limit) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT check_id, submission_id, seller_id, request FROM checks "
                     + "WHERE created_at >= ? ORDER BY created_at DESC LIMIT ?")) {
            s.setString(1, from.toString());
            s.setInt(2, limit);
            List<Listing> out = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Listing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        }
    }

    public Optional<CheckRecord> find(String checkId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM checks WHERE check_id = ?")) {
            s.setString(1, checkId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    private static final String COLUMNS = "check_id, submission_id, seller_id, platform, decision, classifier, rule_packs, "
            + "request, verdict, created_at";

    private static CheckRecord record(ResultSet rs) throws SQLException {
        return new CheckRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), Instant.parse(rs.getString(10)), List.of());
    }
}
