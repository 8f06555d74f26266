package preflight.flink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in this JVM, for tests: KRaft mode, one node that is both broker and controller
 * ({@code process.roles=broker,controller}), on two free loopback ports, every internal topic at replication 1.
 * The log directory is formatted with {@link StorageTool#execute} ({@code main} would call {@code System.exit}) and
 * deleted on {@link #close()}. Broker and clients must be the same Kafka version (kafka_2.13 and kafka-clients 4.2.2).
 */
final class EmbeddedKafka implements AutoCloseable {

    static {
        // the broker logs a great deal at INFO; a test wants its warnings only (an explicit setting wins)
        for (String logger : new String[] {"kafka", "org.apache.kafka", "state.change.logger"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
    }

    private static final Duration READY = Duration.ofSeconds(30);

    private final Path dir;
    private final KafkaRaftServer server;
    private final String bootstrap;

    private EmbeddedKafka(Path dir, KafkaRaftServer server, String bootstrap) {
        this.dir = dir;
        this.server = server;
        this.bootstrap = bootstrap;
    }

    /**
     * Formats a fresh log directory and starts the node; returns once a client can reach the broker.
     *
     * @throws IllegalStateException with the reason, when the node does not come up (after a retry on other
     *                               ports, in case a port was taken between choosing and binding it)
     */
    static EmbeddedKafka start() throws IOException {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path dir = Files.createTempDirectory("preflight-kafka");
            KafkaRaftServer server = null;
            try {
                int brokerPort = freePort();
                int controllerPort = freePort();
                while (controllerPort == brokerPort) {
                    controllerPort = freePort();
                }
                Properties p = config(dir.resolve("logs"), brokerPort, controllerPort);
                format(dir, p);
                // a fatal broker error calls Exit: it must end the broker, not the test JVM
                guardExit();
                server = new KafkaRaftServer(new KafkaConfig(p), Time.SYSTEM);
                server.startup();
                String bootstrap = "127.0.0.1:" + brokerPort;
                awaitReady(bootstrap);
                return new EmbeddedKafka(dir, server, bootstrap);
            } catch (RuntimeException e) {
                last = e;
                stop(server);
                delete(dir);
            }
        }
        throw new IllegalStateException("the embedded Kafka broker did not start: " + last, last);
    }

    /** {@code host:port} of the broker's PLAINTEXT listener. */
    String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public void close() {
        try {
            stop(server);
        } finally {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
            delete(dir);
        }
    }

    private static Properties config(Path logs, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logs.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("controlled.shutdown.enable", "false");
        return p;
    }

    /** {@code kafka-storage format}: writes meta.properties and the bootstrap metadata into the log directory. */
    private static void format(Path dir, Properties p) throws IOException {
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "embedded KRaft node for tests");
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {"format", "--config", file.toString(),
                    "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"}, out);
        }
        if (rc != 0) {
            throw new IllegalStateException("kafka-storage format exited " + rc + ": " + said.toString(StandardCharsets.UTF_8).trim());
        }
    }

    private static void guardExit() {
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("the embedded Kafka broker tried to exit (" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("the embedded Kafka broker tried to halt (" + status + "): " + message);
        });
    }

    /** The broker answers metadata requests once it has registered with the controller and been unfenced. */
    private static void awaitReady(String bootstrap) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        long deadline = System.nanoTime() + READY.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for the broker", e);
                }
            }
        }
        throw new IllegalStateException("the broker at " + bootstrap + " did not answer within " + READY.toSeconds() + " s", last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void stop(KafkaRaftServer server) {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                // shutting down after a failed start: the start's error is the one to report
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("EmbeddedKafka: could not delete " + dir + ": " + e);
        }
    }
}
