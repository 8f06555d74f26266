package preflight.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import preflight.batch.BatchInput;
import preflight.batch.BatchRow;
import preflight.http.CheckRequestParser;
import preflight.http.Json;

/**
 * {@code preflight flink rescreen|publish|bench}: the check as a Flink job, run locally (an embedded cluster in
 * this process) or submitted to a cluster with {@code flink run}.
 */
public final class Main {

    private static final String USAGE = """
            usage: preflight flink <command>
              rescreen  --input FILE.jsonl|FILE.csv | --kafka HOST:PORT --input-topic TOPIC [--bounded]
                        --output DIR | --kafka HOST:PORT --output-topic TOPIC | --check-log JDBC_URL [--db-user U] [--db-password P]
                        [--warnings DIR] [--control-topic TOPIC] [--parallelism N] [--classifier embedded|lexicon]
                        [--rules DIR] [--regulations DIR] [--checkpoint-seconds S]
              publish   --kafka HOST:PORT --control-topic TOPIC --label NAME [--rules DIR] [--regulations DIR]
                        send the rules and regulations folders as a pack snapshot to a running job
              bench     [--listings 60000] [--rounds 3]   the bounded re-screen at parallelism 1 and 2 beside the batch path
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            return 2;
        }
        Map<String, String> o = options(args);
        if (o == null) {
            System.err.print(USAGE);
            return 2;
        }
        return switch (args[0]) {
            case "rescreen" -> rescreen(o);
            case "publish" -> publish(o);
            case "bench" -> FlinkBenchmark.run(Integer.parseInt(o.getOrDefault("listings", "60000")),
                    Integer.parseInt(o.getOrDefault("rounds", "3")));
            default -> {
                System.err.print(USAGE);
                yield 2;
            }
        };
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                return null;
            }
            String name = args[i].substring(2);
            if (name.equals("bounded")) {
                o.put(name, "true");
            } else if (i + 1 < args.length) {
                o.put(name, args[++i]);
            } else {
                return null;
            }
        }
        return o;
    }

    static PackSnapshot snapshot(Map<String, String> o, String label) {
        return PackSnapshot.read(label, Path.of(o.getOrDefault("rules", "rules")), Path.of(o.getOrDefault("regulations", "country-regulations")));
    }

    private static int rescreen(Map<String, String> o) throws Exception {
        int parallelism = Integer.parseInt(o.getOrDefault("parallelism", String.valueOf(Runtime.getRuntime().availableProcessors())));
        boolean classifier = !"lexicon".equals(o.getOrDefault("classifier", "embedded"));
        PackSnapshot initial = snapshot(o, o.getOrDefault("label", "initial"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().enableObjectReuse(); // no function keeps a record it was given
        // broadcast state wants a streaming job; a checkpoint at the end of bounded input commits the file sink
        env.enableCheckpointing(Duration.ofSeconds(Long.parseLong(o.getOrDefault("checkpoint-seconds", "30"))).toMillis());

        DataStream<String> lines;
        if (o.containsKey("input")) {
            Path input = Path.of(o.get("input"));
            if (input.toString().toLowerCase().endsWith(".csv")) {
                input = csvAsJsonLines(input, o);
            }
            lines = env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                    new org.apache.flink.core.fs.Path(input.toUri())).build(), WatermarkStrategy.noWatermarks(), "listings");
        } else if (o.containsKey("input-topic") && o.containsKey("kafka")) {
            var source = KafkaSource.<String>builder().setBootstrapServers(o.get("kafka")).setTopics(o.get("input-topic"))
                    .setGroupId(o.getOrDefault("group", "preflight-rescreen")).setStartingOffsets(OffsetsInitializer.earliest())
                    .setValueOnlyDeserializer(new SimpleStringSchema());
            if (o.containsKey("bounded")) {
                source.setBounded(OffsetsInitializer.latest());
            }
            lines = env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "listings");
        } else {
            System.err.println("rescreen: --input FILE or --kafka HOST:PORT --input-topic TOPIC");
            return 2;
        }
        DataStream<PackSnapshot> control;
        if (o.containsKey("control-topic") && o.containsKey("kafka")) {
            control = env.fromSource(KafkaSource.<String>builder().setBootstrapServers(o.get("kafka")).setTopics(o.get("control-topic"))
                    .setGroupId("preflight-packs-" + java.util.UUID.randomUUID()).setStartingOffsets(OffsetsInitializer.latest())
                    .setValueOnlyDeserializer(new SimpleStringSchema()).build(), WatermarkStrategy.noWatermarks(), "pack snapshots")
                    .map(Snapshots::fromJson).returns(PackSnapshot.class).name("read snapshot");
        } else {
            control = env.fromData(List.of(initial)).returns(PackSnapshot.class);
        }
        SingleOutputStreamOperator<CheckedListing> checked = CheckJob.check(lines, control, initial, classifier, parallelism);
        if (o.containsKey("output")) {
            checked.sinkTo(CheckJob.verdictFiles(Path.of(o.get("output")))).name("verdict files").setParallelism(parallelism);
        } else if (o.containsKey("output-topic") && o.containsKey("kafka")) {
            checked.sinkTo(kafkaSink(o.get("kafka"), o.get("output-topic"), new VerdictLine())).name("verdict topic").setParallelism(parallelism);
        } else if (o.containsKey("check-log")) {
            checked.sinkTo(new CheckLogSink(o.get("check-log"), o.getOrDefault("db-user", ""), o.getOrDefault("db-password", "")))
                    .name("check log").setParallelism(parallelism);
        } else {
            System.err.println("rescreen: --output DIR, --kafka HOST:PORT --output-topic TOPIC, or --check-log JDBC_URL");
            return 2;
        }
        DataStream<String> warnings = CheckJob.earlyWarnings(checked, parallelism);
        if (o.containsKey("warnings")) {
            warnings.sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(Path.of(o.get("warnings")).toUri()),
                    new SimpleStringEncoder<String>()).build()).name("early warnings");
        } else if (o.containsKey("warnings-topic") && o.containsKey("kafka")) {
            warnings.sinkTo(kafkaSink(o.get("kafka"), o.get("warnings-topic"), new SimpleStringSchema())).name("early warnings");
        }
        checked.getSideOutput(CheckFunction.PACK_EVENTS).print("packs");
        var result = env.execute("preflight re-screen");
        System.err.printf("preflight: re-screen finished in %.1f s%n", result.getNetRuntime() / 1000.0);
        return 0;
    }

    static <T> KafkaSink<T> kafkaSink(String bootstrap, String topic, SerializationSchema<T> value) {
        return KafkaSink.<T>builder().setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.<T>builder().setTopic(topic)
                        .setValueSerializationSchema(value).build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build();
    }

    /**
     * A CSV catalogue (quoted fields may hold line breaks, so it cannot be split by lines) becomes JSON Lines on
     * the client, read by the service's own reader; rows it refuses are written beside the output, with their line.
     */
    private static Path csvAsJsonLines(Path csv, Map<String, String> o) throws IOException {
        ObjectMapper json = Json.mapper();
        List<BatchRow> rows;
        try (InputStream in = Files.newInputStream(csv)) {
            rows = new BatchInput(new CheckRequestParser(java.time.Clock.systemUTC()), json, Integer.MAX_VALUE, Long.MAX_VALUE)
                    .read(in, BatchInput.Format.CSV);
        }
        Path out = Files.createTempFile("preflight-catalogue", ".jsonl");
        List<String> lines = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (BatchRow r : rows) {
            if (r.refused()) {
                refused.add(json.writeValueAsString(Map.of("line", r.line(), "problem", r.problem())));
            } else {
                lines.add(json.writeValueAsString(r.request()));
            }
        }
        Files.write(out, lines);
        if (!refused.isEmpty()) {
            Path where = Path.of(o.getOrDefault("output", ".")).resolve("refused-rows.jsonl");
            Files.createDirectories(where.getParent());
            Files.write(where, refused);
            System.err.println("preflight: " + refused.size() + " CSV rows could not be read; see " + where);
        }
        return out;
    }

    private static int publish(Map<String, String> o) throws Exception {
        if (!o.containsKey("kafka") || !o.containsKey("control-topic") || !o.containsKey("label")) {
            System.err.println("publish: --kafka HOST:PORT --control-topic TOPIC --label NAME");
            return 2;
        }
        // a snapshot is about 1.2 MB of text and 0.25 MB compressed: under the broker's default 1 MB message limit
        Map<String, Object> config = Map.of("bootstrap.servers", o.get("kafka"), "max.request.size", 67_108_864, "compression.type", "gzip",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(o.get("control-topic"), o.get("label"), Snapshots.toJson(snapshot(o, o.get("label"))))).get();
        }
        System.err.println("preflight: published pack snapshot " + o.get("label") + " to " + o.get("control-topic"));
        return 0;
    }
}
