package preflight.flink;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The job's graph, shared by the command line and the tests: listing lines are read into events and spread over
 * every instance (one file is one split, one seller's catalogue is one key), checked by {@link CheckFunction} with
 * the rule packs broadcast from the control stream, and their decisions watched per seller by {@link SellerWatch}.
 */
public final class CheckJob {

    private CheckJob() {
    }

    /**
     * @param lines       listings, one check request as JSON per element (JSON Lines, Kafka values, CSV rows made JSON)
     * @param control     pack snapshots; each is compiled by every instance and swapped in, or refused
     * @param initial     the packs every instance starts with
     * @param classifier  the embedded classifier in the IP cascade (false: the marks lexicon alone)
     * @param parallelism instances of the check
     */
    public static SingleOutputStreamOperator<CheckedListing> check(DataStream<String> lines, DataStream<PackSnapshot> control,
                                                                   PackSnapshot initial, boolean classifier, int parallelism) {
        BroadcastStream<PackSnapshot> packs = control.broadcast(CheckFunction.PACKS);
        // the parse reads two fields and stays in the source's task; what is spread over the instances is the check
        return lines.map(new ParseListing()).name("parse").setParallelism(lines.getParallelism())
                .rebalance()
                .connect(packs)
                .process(new CheckFunction(initial, classifier)).name("check").setParallelism(parallelism);
    }

    /** The verdicts as JSON Lines files under {@code directory}, one part file per instance. */
    public static FileSink<CheckedListing> verdictFiles(java.nio.file.Path directory) {
        return FileSink.forRowFormat(new org.apache.flink.core.fs.Path(directory.toUri()), new VerdictLine()).build();
    }

    /**
     * The early warnings: checked listings' decisions keyed by seller, where each seller's totals and each
     * listing's last decision are kept (only the decision travels, not the verdict).
     */
    public static DataStream<String> earlyWarnings(SingleOutputStreamOperator<CheckedListing> checked, int parallelism) {
        return checked.filter(r -> r.decision != null).name("checked").setParallelism(parallelism)
                .map(SellerWatch.Decision::of).name("decision").setParallelism(parallelism)
                .keyBy(d -> d.sellerId, Types.STRING)
                .process(new SellerWatch()).name("seller watch").setParallelism(parallelism);
    }
}
