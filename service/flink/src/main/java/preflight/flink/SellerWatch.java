package preflight.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import preflight.http.Json;

/**
 * Keyed by seller, after the check: each seller's running totals and each listing's last decision, and an early
 * warning (as JSON) when a listing's decision changes, against the decision it had before (the one the line
 * carried, or the one this job saw last). Only the decision travels here, not the verdict.
 */
public final class SellerWatch extends KeyedProcessFunction<String, SellerWatch.Decision, String> {

    private static final long serialVersionUID = 1L;

    /** What the watch needs of a checked listing. */
    public static final class Decision {
        public String sellerId;
        public String key;
        public String decision;
        public String previousDecision;
        public boolean upcoming;
        public String packSnapshot;
        public String rulePacks;

        public Decision() {
        }

        static Decision of(CheckedListing r) {
            Decision d = new Decision();
            d.sellerId = r.sellerId;
            d.key = r.key;
            d.decision = r.decision;
            d.previousDecision = r.previousDecision;
            d.upcoming = r.upcoming;
            d.packSnapshot = r.packSnapshot;
            d.rulePacks = r.rulePacks;
            return d;
        }
    }

    private transient ValueState<SellerTotals> totals;
    private transient MapState<String, String> decisions;
    private transient ObjectMapper json;

    @Override
    public void open(OpenContext context) {
        json = Json.mapper();
        totals = getRuntimeContext().getState(new ValueStateDescriptor<>("totals", SellerTotals.class));
        decisions = getRuntimeContext().getMapState(new MapStateDescriptor<>("decisions", String.class, String.class));
    }

    @Override
    public void processElement(Decision d, Context ctx, Collector<String> out) throws Exception {
        SellerTotals t = totals.value() == null ? new SellerTotals() : totals.value();
        String seen = decisions.get(d.key);
        if (seen == null) {
            t.count(d.decision, d.upcoming); // each listing counts once, by its first decision here
        }
        decisions.put(d.key, d.decision);
        totals.update(t);
        String before = d.previousDecision != null ? d.previousDecision : seen;
        if (before != null && !before.equals(d.decision)) {
            ObjectNode warning = json.createObjectNode();
            warning.put("sellerId", d.sellerId);
            warning.put("listingKey", d.key);
            warning.put("before", before);
            warning.put("after", d.decision);
            warning.put("packSnapshot", d.packSnapshot);
            warning.set("rulePacks", json.readTree(d.rulePacks));
            warning.set("sellerTotals", json.valueToTree(t));
            out.collect(json.writeValueAsString(warning));
        }
    }
}
