package preflight.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Catalogue checks as the database keeps them: each batch, and each of its rows with request and verdict. */
public final class BatchStore {

    /** A batch; {@code summary} is the catalogue summary as JSON once known. */
    public record Header(String batchId, String status, int total, int refused, String createdBy, String sellerId,
                         Instant createdAt, Instant finishedAt, String summary, String failure) {
    }

    /**
     * One row of a batch. {@code request} is the check request as JSON (null for a row that could not be read);
     * {@code problem} says why a row was not checked.
     */
    public record Item(int line, String sellerId, String submissionId, String request, String decision, String verdict,
                       String problem) {
    }

    private static final int CHUNK = 500;

    private final DataSource db;

    public BatchStore(DataSource db) {
        this.db = db;
    }

    /** Stores the batch and all its rows in one transaction: once this returns, nothing of the batch can be lost. */
    public void create(Header h, List<Item> items) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement b = c.prepareStatement("INSERT INTO batches (batch_id, status, total, refused, created_by, seller_id, "
                    + "created_at, finished_at, summary, failure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement s = c.prepareStatement("INSERT INTO batch_items (batch_id, line, seller_id, submission_id, request, "
                         + "decision, verdict, problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                b.setString(1, h.batchId());
                b.setString(2, h.status());
                b.setInt(3, h.total());
                b.setInt(4, h.refused());
                b.setString(5, h.createdBy());
                b.setString(6, h.sellerId());
                b.setString(7, h.createdAt().toString());
                b.setString(8, h.finishedAt() == null ? null : h.finishedAt().toString());
                b.setString(9, h.summary());
                b.setString(10, h.failure());
                b.executeUpdate();
                int n = 0;
                for (Item i : items) {
                    s.setString(1, h.batchId());
                    s.setInt(2, i.line());
                    s.setString(3, i.sellerId());
                    s.setString(4, i.submissionId());
                    s.setString(5, i.request());
                    s.setString(6, i.decision());
                    s.setString(7, i.verdict());
                    s.setString(8, i.problem());
                    s.addBatch();
                    if (++n % CHUNK == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                rollback(c, e);
                throw e;
            }
        }
    }

    /** Records checked rows: their decision and verdict, or the problem that stopped them. */
    public void saveResults(String batchId, List<Item> results) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("UPDATE batch_items SET decision = ?, verdict = ?, problem = ? "
                    + "WHERE batch_id = ? AND line = ?")) {
                for (Item i : results) {
                    s.setString(1, i.decision());
                    s.setString(2, i.verdict());
                    s.setString(3, i.problem());
                    s.setString(4, batchId);
                    s.setInt(5, i.line());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                rollback(c, e);
                throw e;
            }
        }
    }

    public void finish(String batchId, String status, Instant at, String summary, String failure) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE batches SET status = ?, finished_at = ?, summary = ?, failure = ? "
                     + "WHERE batch_id = ?")) {
            s.setString(1, status);
            s.setString(2, at == null ? null : at.toString());
            s.setString(3, summary);
            s.setString(4, failure);
            s.setString(5, batchId);
            s.executeUpdate();
        }
    }

    public Optional<Header> find(String batchId) throws SQLException {
        List<Header> h = headers("WHERE batch_id = ?", batchId, 1);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(0));
    }

    /** Batches still running, as a restart finds them. */
    public List<Header> running() throws SQLException {
        return headers("WHERE status = ?", "running", 1000);
    }

    private List<Header> headers(String where, String arg, int limit) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT batch_id, status, total, refused, created_by, seller_id, created_at, "
                     + "finished_at, summary, failure FROM batches " + where + " ORDER BY created_at LIMIT ?")) {
            s.setString(1, arg);
            s.setInt(2, limit);
            List<Header> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Header(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), Instant.parse(rs.getString(7)),
                            rs.getString(8) == null ? null : Instant.parse(rs.getString(8)), rs.getString(9), rs.getString(10)));
                }
            }
            return out;
        }
    }

    /** Every row of a batch in line order, read in pages so a large batch never sits in memory whole. */
    public void items(String batchId, Consumer<Item> each) throws SQLException {
        int after = -1;
        while (true) {
            int last = after;
            try (Connection c = db.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT line, seller_id, submission_id, request, decision, verdict, problem "
                         + "FROM batch_items WHERE batch_id = ? AND line > ? ORDER BY line LIMIT ?")) {
                s.setString(1, batchId);
                s.setInt(2, after);
                s.setInt(3, 2000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Item i = item(rs);
                        each.accept(i);
                        last = i.line();
                    }
                }
            }
            if (last == after) {
                return;
            }
            after = last;
        }
    }

    /**
     * The stored catalogue: the latest checked row of each (seller, submission id) over finished batches, newest
     * batch first, at most {@code limit} rows read. A row without a submission id is known as BATCH:LINE. Only the
     * requests are read (decision and verdict are left null): a re-screen judges them again.
     */
    public List<Item> catalogue(int limit) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT i.line, i.seller_id, COALESCE(i.submission_id, i.batch_id || ':' || i.line), i.request, NULL, NULL, "
                     + "NULL FROM batch_items i JOIN batches b ON b.batch_id = i.batch_id "
                     + "WHERE b.status = 'done' AND i.verdict IS NOT NULL ORDER BY b.created_at DESC, i.line LIMIT ?")) {
            s.setInt(1, limit);
            List<Item> out = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Item i = item(rs);
                    if (seen.add(i.sellerId() + "\n" + i.submissionId())) {
                        out.add(i);
                    }
                }
            }
            return out;
        }
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7));
    }

    private static void rollback(Connection c, SQLException e) {
        try {
            c.rollback();
        } catch (SQLException r) {
            e.addSuppressed(r);
        }
    }
}
