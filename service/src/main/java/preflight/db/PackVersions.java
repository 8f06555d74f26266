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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Every version of every pack the roll-out has seen; none is ever deleted, so any can be rolled back to. */
public final class PackVersions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "version_id, market, version, files, status, problems, origin, note, created_by, "
            + "created_at, activated_at, shadow";

    private final DataSource db;

    public PackVersions(DataSource db) {
        this.db = db;
    }

    public void insert(PackVersion v) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO pack_versions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, v.versionId());
            s.setString(2, v.market());
            s.setString(3, v.version());
            s.setString(4, json(v.files()));
            s.setString(5, v.status());
            s.setString(6, json(Map.of("errors", v.errors(), "failedCases", v.failedCases())));
            s.setString(7, v.origin());
            s.setString(8, v.note());
            s.setString(9, v.createdBy());
            s.setString(10, v.createdAt().toString());
            s.setString(11, v.activatedAt() == null ? null : v.activatedAt().toString());
            s.setBoolean(12, v.shadow());
            s.executeUpdate();
        }
    }

    /** Moves a version to a new status; {@code activatedAt} is set when it becomes active. */
    public void setStatus(String versionId, String status, Instant at) throws SQLException {
        update("UPDATE pack_versions SET status = ?, activated_at = COALESCE(?, activated_at) WHERE version_id = ?",
                status, PackVersion.ACTIVE.equals(status) ? at.toString() : null, versionId);
    }

    /** A refused activation: the version keeps what went wrong. */
    public void refuse(String versionId, List<String> errors, List<String> failedCases) throws SQLException {
        update("UPDATE pack_versions SET status = ?, problems = ? WHERE version_id = ?", PackVersion.REFUSED,
                json(Map.of("errors", errors, "failedCases", failedCases)), versionId);
    }

    public void setShadow(String versionId, boolean on) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE pack_versions SET shadow = ? WHERE version_id = ?")) {
            s.setBoolean(1, on);
            s.setString(2, versionId);
            s.executeUpdate();
        }
    }

    public Optional<PackVersion> find(String versionId) throws SQLException {
        List<PackVersion> found = query("SELECT " + COLUMNS + " FROM pack_versions WHERE version_id = ?", versionId);
        return found.stream().findFirst();
    }

    /** The market's versions, newest first. */
    public List<PackVersion> ofMarket(String market) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM pack_versions WHERE market = ? ORDER BY created_at DESC", market);
    }

    /** Every version running in shadow mode. */
    public List<PackVersion> inShadow() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM pack_versions WHERE shadow = ?", Boolean.TRUE);
    }

    private void update(String sql, String... values) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private List<PackVersion> query(String sql, Object value) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            List<PackVersion> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, List<String>> problems = read(rs.getString(6), new TypeReference<>() { });
                    out.add(new PackVersion(rs.getString(1), rs.getString(2), rs.getString(3),
                            read(rs.getString(4), new TypeReference<LinkedHashMap<String, String>>() { }), rs.getString(5),
                            problems.getOrDefault("errors", List.of()), problems.getOrDefault("failedCases", List.of()),
                            rs.getString(7), rs.getString(8), rs.getString(9), Instant.parse(rs.getString(10)),
                            rs.getString(11) == null ? null : Instant.parse(rs.getString(11)), rs.getBoolean(12)));
                }
            }
            return out;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pack version row that is not the JSON it was written as", e);
        }
    }
}
