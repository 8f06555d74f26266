package preflight.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import preflight.bench.BatchBenchmark;
import preflight.check.Verdict;
import preflight.http.CheckRequestParser;
import preflight.http.Json;

/**
 * The check as a Flink job on an embedded cluster at parallelism 2: the same verdicts as the service's own check for
 * every listing of a catalogue; a pack snapshot published mid-stream changes the verdicts after it and not before;
 * a snapshot that does not compile is refused and the running packs stay.
 */
class RescreenJobTest {

    static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(PARALLELISM)
            .setConfiguration(restartNever()).build());

    static final ObjectMapper json = Json.mapper();
    static PackSnapshot packs;

    static Configuration restartNever() {
        Configuration c = new Configuration();
        c.setString("restart-strategy.type", "none");
        return c;
    }

    @BeforeAll
    static void readPacks() {
        packs = PackSnapshot.read("v1", Path.of("rules"), Path.of("country-regulations"));
    }

    @BeforeEach
    void reset() {
        Collected.reset();
    }

    /** Golden listings to five markets, as catalogue lines (submission ids L-0, L-1, ...). */
    static List<String> catalogue(int n) throws Exception {
        List<ObjectNode> golden = BatchBenchmark.goldenListings(Path.of("test-cases"), List.of("US", "DE", "UK", "JP", "FR"));
        List<String> lines = new ArrayList<>();
        for (ObjectNode o : BatchBenchmark.catalogue(golden, n, json)) {
            ((ObjectNode) o).set("options", json.createObjectNode().put("asOf", "2026-11-25"));
            lines.add(json.writeValueAsString(o));
        }
        return lines;
    }

    static void run(StreamExecutionEnvironment env) throws Exception {
        env.executeAsync("test").getJobExecutionResult().get(180, TimeUnit.SECONDS);
    }

    @Test
    void theJobGivesTheServicesVerdictForEveryListing() throws Exception {
        List<String> lines = catalogue(600);
        lines.add("{not json");
        lines.add("{\"seller\":{\"id\":\"S-1\"},\"product\":{\"title\":\"x\",\"category\":\"nope\"},\"targetCountries\":[\"US\"]}");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        SingleOutputStreamOperator<CheckedListing> checked = CheckJob.check(env.fromData(lines), env.fromData(List.of(packs))
                .returns(PackSnapshot.class), packs, false, PARALLELISM);
        checked.map(new VerdictLine()::text).returns(Types.STRING).sinkTo(new Collected.Into("verdicts"));
        run(env);

        // the service's own check, in process, over the same packs
        CheckEngine service = new CheckEngine(false);
        assertThat(service.apply(packs).accepted()).isTrue();
        CheckRequestParser parser = new CheckRequestParser(Clock.systemUTC());
        Map<String, Verdict> expected = new HashMap<>();
        for (String line : lines.subList(0, 600)) {
            JsonNode n = json.readTree(line);
            expected.put(n.path("submissionId").asText(), service.checks().check(parser.parse(n)));
        }
        List<String> out = Collected.of("verdicts");
        assertThat(out).hasSize(602);
        int compared = 0;
        int problems = 0;
        for (String line : out) {
            JsonNode r = json.readTree(line);
            assertThat(r.path("packSnapshot").asText()).isEqualTo("v1");
            if (r.has("problem")) {
                problems++;
                continue;
            }
            Verdict want = expected.get(r.path("key").asText());
            JsonNode got = r.path("verdict");
            assertThat(got.path("decision").asText()).as(r.path("key").asText()).isEqualTo(want.decision().name());
            assertThat(got.path("riskScore").asInt()).isEqualTo(want.riskScore());
            assertThat(comparable(got.path("findings"))).isEqualTo(comparable(json.valueToTree(want.findings())));
            assertThat(comparable(got.path("upcoming"))).isEqualTo(comparable(json.valueToTree(want.upcoming())));
            assertThat(got.path("ip")).isEqualTo(json.valueToTree(want.ip()));
            assertThat(got.path("rulePacks")).isEqualTo(json.valueToTree(want.rulePacks()));
            compared++;
        }
        assertThat(compared).isEqualTo(600);
        assertThat(problems).isEqualTo(2);
        assertThat(out).anySatisfy(l -> assertThat(l).contains("product.category: unknown category 'nope'"));
    }

    /** Findings as the seller reads them: everything but the order of evidence, which no one relies on. */
    static List<String> comparable(JsonNode findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> out.add(f.path("ruleId").asText() + "|" + f.path("country").asText() + "|" + f.path("severity").asText()
                + "|" + f.path("message").asText() + "|" + f.path("fix").asText() + "|" + f.path("regulation") + "|" + f.path("evidence")));
        return out;
    }

    /** The service tests' lantern ban (TestProject.LANTERN_BAN): one file, read from the project root. */
    static final String LANTERN_RULE = read("service/src/test/resources/lantern-ban.drl");

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Listings 0..half-1 go out; once the job has checked them all, the control source sends {@code update}; listings
     * from {@code half} on wait until every instance has answered it (applied or refused).
     */
    static List<JsonNode> runAroundAnUpdate(PackSnapshot update, int total, int half) throws Exception {
        Collected.GATES.put("first-half", new CountDownLatch(1));
        Collected.GATES.put("answered", new CountDownLatch(PARALLELISM));
        Collected.LISTENERS.put("verdicts", v -> {
            if (Collected.of("verdicts").size() >= half) {
                Collected.GATES.get("first-half").countDown();
            }
        });
        Collected.LISTENERS.put("pack-events", e -> Collected.GATES.get("answered").countDown());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        GeneratorFunction<Long, String> listings = i -> {
            if (i == half) {
                Collected.GATES.get("answered").await(120, TimeUnit.SECONDS);
            }
            return "{\"submissionId\":\"N-" + i + "\",\"seller\":{\"id\":\"S-" + (i % 7) + "\"},\"product\":{\"title\":\"Paper lantern "
                    + i + "\",\"category\":\"lighting\"},\"targetCountries\":[\"US\"],\"options\":{\"asOf\":\"2026-11-25\"}}";
        };
        GeneratorFunction<Long, PackSnapshot> snapshots = i -> {
            Collected.GATES.get("first-half").await(120, TimeUnit.SECONDS);
            return update;
        };
        DataStream<String> lines = env.fromSource(new DataGeneratorSource<>(listings, total, Types.STRING),
                WatermarkStrategy.noWatermarks(), "listings").setParallelism(1);
        DataStream<PackSnapshot> control = env.fromSource(new DataGeneratorSource<>(snapshots, 1, TypeInformation.of(PackSnapshot.class)),
                WatermarkStrategy.noWatermarks(), "snapshots").setParallelism(1);
        SingleOutputStreamOperator<CheckedListing> checked = CheckJob.check(lines, control, packs, false, PARALLELISM);
        checked.map(new VerdictLine()::text).returns(Types.STRING).sinkTo(new Collected.Into("verdicts"));
        checked.getSideOutput(CheckFunction.PACK_EVENTS).sinkTo(new Collected.Into("pack-events"));
        CheckJob.earlyWarnings(checked, PARALLELISM).sinkTo(new Collected.Into("warnings"));
        run(env);
        List<JsonNode> out = new ArrayList<>();
        for (String l : Collected.of("verdicts")) {
            out.add(json.readTree(l));
        }
        assertThat(out).hasSize(total);
        return out;
    }

    static int index(JsonNode verdictLine) {
        return Integer.parseInt(verdictLine.path("key").asText().substring(2));
    }

    @Test
    void aPackPublishedMidStreamChangesTheVerdictsAfterItAndNotBefore() throws Exception {
        List<JsonNode> out = runAroundAnUpdate(packs.with("v2", "US/lanterns.drl", LANTERN_RULE), 200, 100);
        for (JsonNode r : out) {
            boolean after = index(r) >= 100;
            assertThat(r.path("packSnapshot").asText()).as(r.path("key").asText()).isEqualTo(after ? "v2" : "v1");
            assertThat(r.path("verdict").path("findings").toString().contains("US-TEST-LANTERN")).as(r.path("key").asText()).isEqualTo(after);
            if (after) {
                assertThat(r.path("decision").asText()).isEqualTo("BLOCK");
            }
        }
        assertThat(Collected.of("pack-events")).hasSize(PARALLELISM).allSatisfy(e -> assertThat(e).contains("\"event\":\"applied\""));
    }

    @Test
    void aSnapshotThatDoesNotCompileIsRefusedAndTheRunningPacksStay() throws Exception {
        PackSnapshot broken = packs.with("v2-broken", "US/lanterns.drl", LANTERN_RULE.replace("then", "thne"));
        List<JsonNode> out = runAroundAnUpdate(broken, 200, 100);
        assertThat(out).allSatisfy(r -> {
            assertThat(r.path("packSnapshot").asText()).isEqualTo("v1");
            assertThat(r.path("verdict").path("findings").toString()).doesNotContain("US-TEST-LANTERN");
        });
        assertThat(Collected.of("pack-events")).hasSize(PARALLELISM).allSatisfy(e -> assertThat(e)
                .contains("\"event\":\"refused\"").contains("\"live\":\"v1\"").contains("rules/US/lanterns.drl"));
    }

    @Test
    void aListingWhoseDecisionChangesRaisesAnEarlyWarningForItsSeller() throws Exception {
        // a stored catalogue re-screened after the lantern rule: each line carries the decision the listing had
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean lantern = i % 2 == 0;
            stored.add("{\"submissionId\":\"R-" + i + "\",\"previousDecision\":\"PASS\",\"seller\":{\"id\":\"S-" + (i % 3)
                    + "\"},\"product\":{\"title\":\"" + (lantern ? "Paper lantern" : "Cotton tea towel") + "\",\"category\":\""
                    + (lantern ? "lighting" : "textiles-home") + "\"},\"targetCountries\":[\"US\"],\"options\":{\"asOf\":\"2026-11-25\"}}");
        }
        PackSnapshot v2 = packs.with("v2", "US/lanterns.drl", LANTERN_RULE);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        SingleOutputStreamOperator<CheckedListing> checked = CheckJob.check(env.fromData(stored), env.fromData(List.of(v2))
                .returns(PackSnapshot.class), v2, false, PARALLELISM);
        CheckJob.earlyWarnings(checked, PARALLELISM).sinkTo(new Collected.Into("warnings"));
        checked.map(new VerdictLine()::text).returns(Types.STRING).sinkTo(new Collected.Into("verdicts"));
        run(env);
        List<String> warnings = Collected.of("warnings");
        assertThat(warnings).hasSize(50);
        for (String text : warnings) {
            JsonNode w = json.readTree(text);
            assertThat(Integer.parseInt(w.path("listingKey").asText().substring(2)) % 2).isZero();
            assertThat(w.path("before").asText()).isEqualTo("PASS");
            assertThat(w.path("after").asText()).isEqualTo("BLOCK");
            assertThat(w.path("packSnapshot").asText()).isEqualTo("v2");
            assertThat(w.path("sellerTotals").path("block").asLong()).isPositive();
        }
    }
}
