package preflight.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import preflight.http.Json;

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
     * @param parallelism instances of the parse and the check
     */
    public static SingleOutputStreamOperator<CheckedListing> check(DataStream<String> lines, DataStream<PackSnapshot> control,
                                                                   PackSnapshot initial, boolean classifier, int parallelism) {
        BroadcastStream<PackSnapshot> packs = control.broadcast(CheckFunction.PACKS);
        return lines.rebalance()
                .map(new ParseListing()).name("parse").setParallelism(parallelism)
                .connect(packs)
                .process(new CheckFunction(initial, classifier)).name("check").setParallelism(parallelism);
    }

    /**
     * The verdicts as JSON Lines, built in the check's own task (chained: handing the verdict to a task of its own
     * cost more than it saved, measured on two cores).
     */
    public static SingleOutputStreamOperator<String> verdictLines(SingleOutputStreamOperator<CheckedListing> checked, int parallelism) {
        return checked.map(new JsonLine()).name("verdict as JSON").setParallelism(parallelism);
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

    /**
     * A checked listing as a line of the verdicts' JSON Lines, the verdict as {@code POST /v1/checks} answers it.
     * The verdict is already JSON: it is put in as it is, not parsed and written again.
     */
    public static final class JsonLine extends org.apache.flink.api.common.functions.RichMapFunction<CheckedListing, String> {
        private static final long serialVersionUID = 1L;
        private transient ObjectMapper json;

        @Override
        public String map(CheckedListing r) throws Exception {
            if (json == null) {
                json = Json.mapper();
            }
            ObjectNode head = json.createObjectNode();
            head.put("key", r.key);
            head.put("sellerId", r.sellerId);
            head.put("packSnapshot", r.packSnapshot);
            head.put("checkedAt", r.checkedAt);
            if (r.problem != null) {
                head.put("problem", r.problem);
                return json.writeValueAsString(head);
            }
            head.put("decision", r.decision);
            String start = json.writeValueAsString(head);
            return start.substring(0, start.length() - 1) + ",\"verdict\":" + r.verdict + "}";
        }
    }
}
