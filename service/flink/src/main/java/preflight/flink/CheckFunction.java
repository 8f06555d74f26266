package preflight.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import preflight.batch.BatchInput;
import preflight.batch.BatchRow;
import preflight.check.CheckRequest;
import preflight.check.Verdict;
import preflight.http.CheckRequestParser;
import preflight.http.Json;

/**
 * The check as a Flink operator: each listing is judged by the service's {@link preflight.check.CheckService} over
 * the packs of the latest accepted {@link PackSnapshot}. Snapshots arrive on the broadcast control stream; each
 * parallel instance compiles one and swaps it in, or refuses it and keeps the running one. Listings are spread
 * over the instances evenly (one seller's catalogue too); what is kept per seller is {@link SellerWatch}'s.
 */
public final class CheckFunction extends BroadcastProcessFunction<ListingEvent, PackSnapshot, CheckedListing> {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(CheckFunction.class);

    /** The accepted snapshot, under the key {@code live}: every instance holds the same, and a restore reads it. */
    public static final MapStateDescriptor<String, PackSnapshot> PACKS =
            new MapStateDescriptor<>("packs", String.class, PackSnapshot.class);
    /** Each instance's word on each snapshot it was sent: applied or refused (with the problems), as JSON. */
    public static final OutputTag<String> PACK_EVENTS = new OutputTag<>("pack-events") { };

    private final PackSnapshot initial;
    private final boolean classifier;
    private transient CheckEngine engine;
    private transient BatchInput input;
    private transient ObjectMapper json;

    /**
     * @param initial    the packs every instance starts with
     * @param classifier the embedded classifier in the IP cascade (false: the marks lexicon alone)
     */
    public CheckFunction(PackSnapshot initial, boolean classifier) {
        this.initial = initial;
        this.classifier = classifier;
    }

    @Override
    public void open(OpenContext context) {
        json = Json.mapper();
        input = new BatchInput(new CheckRequestParser(Clock.systemUTC()), json, Integer.MAX_VALUE, Long.MAX_VALUE);
        engine = new CheckEngine(classifier);
        CheckEngine.Applied first = withUserClassLoader(() -> engine.apply(initial));
        if (!first.accepted()) {
            throw new IllegalStateException("the job's initial packs (" + initial.label + ") do not compile: " + first.problems());
        }
    }

    @Override
    public void processElement(ListingEvent e, ReadOnlyContext ctx, Collector<CheckedListing> out) throws Exception {
        PackSnapshot live = ctx.getBroadcastState(PACKS).get("live");
        if (live != null && !live.label.equals(engine.label())) {
            withUserClassLoader(() -> engine.apply(live)); // restored from a checkpoint: catch up with the accepted packs
        }
        CheckedListing r = new CheckedListing();
        r.key = e.key;
        r.sellerId = e.sellerId;
        r.previousDecision = e.previousDecision;
        r.packSnapshot = engine.label();
        r.request = e.request;
        r.checkedAt = System.currentTimeMillis();
        BatchRow row = input.row(0, e.request); // read and validated as the service's batch path reads a JSON line
        if (row.refused()) {
            r.problem = row.problem();
            out.collect(r);
            return;
        }
        CheckRequest request = row.request();
        Verdict v = engine.checks().check(request);
        r.checkId = v.checkId();
        r.decision = v.decision().name();
        r.upcoming = !v.upcoming().isEmpty();
        r.platform = request.seller().platform();
        r.classifier = v.ip().classifier();
        r.rulePacks = json.writeValueAsString(v.rulePacks());
        r.verdict = json.writeValueAsString(v); // Jackson writes text faster than UTF-8 bytes (measured: half the time)
        out.collect(r);
    }

    @Override
    public void processBroadcastElement(PackSnapshot snapshot, Context ctx, Collector<CheckedListing> out) throws Exception {
        CheckEngine.Applied a = withUserClassLoader(() -> engine.offer(snapshot));
        if (a.accepted()) {
            ctx.getBroadcastState(PACKS).put("live", snapshot);
        } else {
            log.warn("pack snapshot {} refused, {} stays live: {}", snapshot.label, engine.label(), a.problems());
        }
        ObjectNode event = json.createObjectNode();
        event.put("event", a.accepted() ? "applied" : "refused");
        event.put("packSnapshot", snapshot.label);
        event.put("live", engine.label());
        event.put("subtask", getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        event.set("problems", json.valueToTree(a.problems()));
        ctx.output(PACK_EVENTS, json.writeValueAsString(event));
    }

    /** Drools loads the rules' generated classes through the context class loader: the job's own, on a cluster. */
    private <T> T withUserClassLoader(java.util.function.Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(getRuntimeContext().getUserCodeClassLoader());
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
