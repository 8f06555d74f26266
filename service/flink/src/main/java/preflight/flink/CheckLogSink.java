package preflight.flink;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import preflight.db.CheckLog;
import preflight.db.CheckRecord;
import preflight.db.Database;

/**
 * Verdicts into the service's check log (PostgreSQL, as several instances share it): the same table, the same
 * writer class, so {@code GET /v1/checks/{id}} and the service's reports read what the job checked. Written in
 * batches of 500 and at every checkpoint; a write that fails fails the task, and Flink's restart replays it.
 */
public final class CheckLogSink implements Sink<CheckedListing> {

    private static final long serialVersionUID = 1L;
    private static final int BATCH = 500;

    private final String url;
    private final String user;
    private final String password;

    public CheckLogSink(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public SinkWriter<CheckedListing> createWriter(WriterInitContext context) {
        return new Writer(Database.open(url, user, password));
    }

    private static final class Writer implements SinkWriter<CheckedListing> {
        private final Database db;
        private final CheckLog log;
        private final List<CheckRecord> pending = new ArrayList<>();

        Writer(Database db) {
            this.db = db;
            this.log = new CheckLog(db.dataSource());
            // the schema is migrated once the database answers; a write before that would find no table
            long until = System.nanoTime() + 60_000_000_000L;
            while (!db.status().migrated() && System.nanoTime() < until) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void write(CheckedListing r, Context context) throws IOException {
            if (r.verdict == null) {
                return; // a row that could not be checked has no verdict to log
            }
            pending.add(new CheckRecord(r.checkId, r.key, r.sellerId, r.platform, r.decision, r.classifier, r.rulePacks, r.request,
                    r.verdict, Instant.ofEpochMilli(r.checkedAt), List.of()));
            if (pending.size() >= BATCH) {
                flush(false);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (pending.isEmpty()) {
                return;
            }
            try {
                log.write(pending);
                pending.clear();
            } catch (SQLException e) {
                throw new IOException("check log write failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws Exception {
            flush(true);
            db.close();
        }
    }
}
