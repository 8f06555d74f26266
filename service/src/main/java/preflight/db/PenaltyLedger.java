package preflight.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The penalties stores really received. Append-only: each penalty is its own row, so two instances
 * recording for one store at once cannot lose each other's update, and the standing on any date is a
 * sum over the rows that still count.
 */
public final class PenaltyLedger {

    private final DataSource db;

    public PenaltyLedger(DataSource db) {
        this.db = db;
    }

    public void record(Penalty p) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO penalties (penalty_id, seller_id, platform, ledger, "
                     + "violation_type, rule_id, points, strike, occurred_on, listing_id, source, recorded_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, p.penaltyId());
            s.setString(2, p.sellerId());
            s.setString(3, p.platform());
            s.setString(4, p.ledger());
            s.setString(5, p.violationType());
            s.setString(6, p.ruleId());
            s.setInt(7, p.points());
            s.setString(8, p.strike());
            s.setString(9, p.date().toString());
            s.setString(10, p.listingId());
            s.setString(11, p.source());
            s.setString(12, p.recordedAt().toString());
            s.executeUpdate();
        }
    }

    /** The store's penalties on the platform dated after {@code from} and up to {@code to}, oldest first. */
    public List<Penalty> between(String sellerId, String platform, LocalDate from, LocalDate to) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT penalty_id, seller_id, platform, ledger, violation_type, rule_id, "
                     + "points, strike, occurred_on, listing_id, source, recorded_at FROM penalties "
                     + "WHERE seller_id = ? AND platform = ? AND occurred_on > ? AND occurred_on <= ? ORDER BY occurred_on, recorded_at")) {
            s.setString(1, sellerId);
            s.setString(2, platform);
            s.setString(3, from.toString());
            s.setString(4, to.toString());
            s.setQueryTimeout(2);
            List<Penalty> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Penalty(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7), rs.getString(8), LocalDate.parse(rs.getString(9)), rs.getString(10),
                            rs.getString(11), Instant.parse(rs.getString(12))));
                }
            }
            return out;
        }
    }
}
