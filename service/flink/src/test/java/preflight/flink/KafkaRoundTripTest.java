package preflight.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kafka in, rules, Kafka out: listings produced to a topic of a real broker (KRaft, in this JVM) are read by the
 * job's bounded Kafka source at parallelism 2 on a MiniCluster, checked, and written by {@link Main#kafkaSink} to a
 * verdicts topic, which the test reads back record by record.
 */
class KafkaRoundTripTest {

    private static final int TOYS_AND_TOWELS = 200;
    private static final String NOT_JSON = "this line is not JSON {";
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).setConfiguration(flinkConfig()).build());

    private static Configuration flinkConfig() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none"); // restart-strategy.type: a failure fails the test
        return conf;
    }

    @Test
    void listingsFromKafkaAreCheckedIntoAVerdictsTopic() throws Exception {
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start();
        } catch (Exception | LinkageError e) {
            Assumptions.abort("the embedded Kafka broker (KRaft, kafka_2.13 4.2.2) could not start in this JVM, so the "
                    + "Kafka round trip cannot run: " + e);
            return;
        }
        try (kafka) {
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("listings", 2, (short) 1), new NewTopic("verdicts", 2, (short) 1),
                        new NewTopic("pack-snapshots", 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            Set<String> toys = new java.util.HashSet<>();
            Set<String> towels = new java.util.HashSet<>();
            produce(bootstrap, toys, towels);

            runJob(bootstrap);

            List<String> lines = readVerdicts(bootstrap, TOYS_AND_TOWELS + 1);
            assertVerdicts(lines, toys, towels);

            // `preflight flink publish`: the rules folder as a snapshot on the control topic, within the broker's message limit
            assertThat(Main.run(new String[] {"publish", "--kafka", bootstrap, "--control-topic", "pack-snapshots", "--label", "k2"}))
                    .isZero();
            List<String> published = read(bootstrap, "pack-snapshots", 1);
            assertThat(published).hasSize(1);
            PackSnapshot k2 = Snapshots.fromJson(published.get(0));
            assertThat(k2.label).isEqualTo("k2");
            assertThat(k2.rules).containsKey("US/pack.yaml");
            assertThat(k2.regulations).containsKey("US.yaml");
        }
    }

    /** 200 listings over 5 sellers, every third a tea towel (passes), the rest toys (a CPC is missing), and one bad line. */
    private static void produce(String bootstrap, Set<String> toys, Set<String> towels) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < TOYS_AND_TOWELS; i++) {
                String key = "K-" + i;
                boolean towel = i % 3 == 0;
                String product = towel
                        ? "{\"title\":\"Cotton tea towel, striped, 50 x 70 cm\",\"category\":\"textiles-home\"}"
                        : "{\"title\":\"Wooden stacking blocks toy for toddlers\",\"category\":\"toys\"}";
                String listing = "{\"submissionId\":\"" + key + "\",\"seller\":{\"id\":\"S-" + (i % 5) + "\"},\"product\":" + product
                        + ",\"targetCountries\":[\"US\"],\"options\":{\"asOf\":\"2026-11-25\"}}";
                (towel ? towels : toys).add(key);
                // spread over both partitions, so that both source readers have work
                sent.add(producer.send(new ProducerRecord<>("listings", i % 2, key, listing)));
            }
            sent.add(producer.send(new ProducerRecord<>("listings", 1, "bad", NOT_JSON)));
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void runJob(String bootstrap) throws Exception {
        PackSnapshot initial = PackSnapshot.read("test", Path.of("rules"), Path.of("country-regulations"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(bootstrap).setTopics("listings")
                .setGroupId("kafka-round-trip").setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest()).setValueOnlyDeserializer(new SimpleStringSchema()).build();
        DataStream<String> lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "listings");
        DataStream<PackSnapshot> control = env.fromData(List.of(initial)).returns(PackSnapshot.class);
        CheckJob.check(lines, control, initial, false, 2)
                .sinkTo(Main.kafkaSink(bootstrap, "verdicts", new VerdictLine())).name("verdict topic");

        JobClient job = env.executeAsync("kafka round trip");
        try {
            JobExecutionResult result = job.getJobExecutionResult().get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(result.getJobID()).isEqualTo(job.getJobID());
        } catch (TimeoutException e) {
            job.cancel().get(30, TimeUnit.SECONDS);
            throw new AssertionError("the job did not finish within " + JOB_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Every partition of the topic from its start, until {@code expected} records or the timeout. */
    private static List<String> readVerdicts(String bootstrap, int expected) {
        return read(bootstrap, "verdicts", expected);
    }

    private static List<String> read(String bootstrap, String topic, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            // a moment more: anything beyond the expected count is a duplicate the assertions should see
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                values.add(r.value());
            }
        }
        return values;
    }

    private static void assertVerdicts(List<String> lines, Set<String> toys, Set<String> towels) throws Exception {
        assertThat(lines).hasSize(TOYS_AND_TOWELS + 1);
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> seen = new HashMap<>();
        List<JsonNode> bad = new ArrayList<>();
        for (String line : lines) {
            JsonNode r = json.readTree(line);
            assertThat(r.path("packSnapshot").asText()).as("packSnapshot of %s", line).isEqualTo("test");
            String key = r.path("key").asText();
            seen.merge(key, 1, Integer::sum);
            if (!key.startsWith("K-")) {
                bad.add(r);
                continue;
            }
            assertThat(r.has("problem")).as("a problem in %s", line).isFalse();
            JsonNode verdict = r.path("verdict");
            assertThat(verdict.path("rulePacks").has("US")).as("the US pack in %s", line).isTrue();
            Set<String> rules = new java.util.HashSet<>();
            verdict.path("findings").forEach(f -> rules.add(f.path("ruleId").asText()));
            if (toys.contains(key)) {
                assertThat(r.path("decision").asText()).as("decision of toy %s", key).isIn("WARN", "BLOCK");
                assertThat(rules).as("findings of toy %s", key).contains("US-CPSC-CPC");
            } else {
                assertThat(towels).contains(key);
                assertThat(r.path("decision").asText()).as("decision of tea towel %s: %s", key, line).isEqualTo("PASS");
            }
        }
        Set<String> expectedKeys = new java.util.HashSet<>(toys);
        expectedKeys.addAll(towels);
        Map<String, Integer> listingKeys = seen.entrySet().stream().filter(e -> e.getKey().startsWith("K-"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(listingKeys.keySet()).isEqualTo(expectedKeys);
        assertThat(listingKeys).allSatisfy((key, times) -> assertThat(times).as("records for %s", key).isEqualTo(1));
        assertThat(bad).singleElement().satisfies(r -> {
            assertThat(r.path("problem").asText()).isNotBlank();
            assertThat(r.has("decision")).isFalse();
        });
    }
}
