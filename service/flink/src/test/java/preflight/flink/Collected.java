package preflight.flink;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * What a test job wrote, kept in this JVM (the MiniCluster runs in it): a sink that adds each element to a named
 * queue and tells a listener, so a test can hold a source back until the job has reached a point.
 */
final class Collected {

    static final Map<String, ConcurrentLinkedQueue<String>> QUEUES = new ConcurrentHashMap<>();
    static final Map<String, Consumer<String>> LISTENERS = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    private Collected() {
    }

    static void reset() {
        QUEUES.clear();
        LISTENERS.clear();
        GATES.clear();
    }

    static List<String> of(String name) {
        return List.copyOf(QUEUES.getOrDefault(name, new ConcurrentLinkedQueue<>()));
    }

    /** A sink into the named queue. */
    static final class Into implements Sink<String> {
        private static final long serialVersionUID = 1L;
        private final String name;

        Into(String name) {
            this.name = name;
        }

        @Override
        public SinkWriter<String> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(String element, Context context) {
                    QUEUES.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add(element);
                    Consumer<String> l = LISTENERS.get(name);
                    if (l != null) {
                        l.accept(element);
                    }
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
