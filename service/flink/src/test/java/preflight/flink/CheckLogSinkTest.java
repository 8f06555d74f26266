package preflight.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import preflight.db.CheckLog;
import preflight.db.CheckRecord;
import preflight.db.Database;

/**
 * The job's verdicts in the service's check log on the real PostgreSQL (127.0.0.1:5432, database test, a schema
 * of its own): the same table the service reads, so {@code GET /v1/checks/{id}} shows what the job checked.
 */
class CheckLogSinkTest {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).setConfiguration(restartNever()).build());

    static Configuration restartNever() {
        Configuration c = new Configuration();
        c.setString("restart-strategy.type", "none");
        return c;
    }

    @Test
    void verdictsLandInTheCheckLog() throws Exception {
        String schema = "pf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL at " + POSTGRES + " cannot be reached: " + e.getMessage());
        }
        String url = POSTGRES + "?currentSchema=" + schema;
        try {
            PackSnapshot packs = PackSnapshot.read("v1", Path.of("rules"), Path.of("country-regulations"));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                lines.add("{\"submissionId\":\"P-" + i + "\",\"seller\":{\"id\":\"S-P\",\"platform\":\"alibaba.com\"},\"product\":{\"title\":"
                        + "\"Wooden stacking blocks toy\",\"category\":\"toys\"},\"targetCountries\":[\"US\"],\"options\":{\"asOf\":\"2026-11-25\"}}");
            }
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            CheckJob.check(env.fromData(lines), env.fromData(List.of(packs)).returns(PackSnapshot.class), packs, false, 2)
                    .sinkTo(new CheckLogSink(url, "postgres", "")).setParallelism(2);
            env.executeAsync("check log").getJobExecutionResult().get(180, TimeUnit.SECONDS);

            try (Database db = Database.open(url, "postgres", "")) {
                List<CheckRecord> logged = new CheckLog(db.dataSource()).recent(1000, null, null);
                assertThat(logged).hasSize(120);
                assertThat(logged).allSatisfy(r -> {
                    assertThat(r.sellerId()).isEqualTo("S-P");
                    assertThat(r.submissionId()).startsWith("P-");
                    assertThat(r.verdict()).contains("US-CPSC-CPC");
                    assertThat(r.request()).contains("Wooden stacking blocks toy");
                });
            }
        } finally {
            try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
