package preflight.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import preflight.check.CheckRequest;
import preflight.check.CheckService;
import preflight.check.CheckedListing;
import preflight.db.CheckLog;
import preflight.db.CheckLogWriter;
import preflight.db.CheckRecord;
import preflight.db.Database;
import preflight.db.Outcomes;
import preflight.db.PenaltyLedger;
import preflight.ip.IpScreen;
import preflight.rules.RulePacks;
import preflight.scoring.DecisionPolicy;
import preflight.scoring.EnforcementModel;
import preflight.scoring.PenaltyProfiles;
import preflight.store.StoreService;

/**
 * What the store record costs a check: the same checks with the forecast (a ledger read) and the
 * check-log hand-over off, then on, against one database. 200 stores, a third of them with penalties.
 */
public final class StorageBenchmark {

    private StorageBenchmark() {
    }

    public static List<String> run(String name, Database db, PenaltyProfiles profiles, Supplier<RulePacks> packs,
                                   Supplier<IpScreen> ip, List<CheckRequest> requests, Function<CheckedListing, CheckRecord> toRecord,
                                   int iterations) throws Exception {
        Clock clock = Clock.systemUTC();
        CheckLog log = new CheckLog(db.dataSource());
        StoreService stores = new StoreService(profiles, "alibaba.com", new PenaltyLedger(db.dataSource()),
                new Outcomes(db.dataSource()), log, new EnforcementModel(Map.of()), clock, 50);
        var alibaba = profiles.find("alibaba.com").orElseThrow();
        for (int s = 0; s < 200; s += 3) {
            stores.recordPenalty("bench-" + s, alibaba, null, "counterfeit", null, 6, null, LocalDate.now(clock).minusDays(30), null, "bench");
        }
        List<CheckRequest> spread = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            CheckRequest r = requests.get(i);
            spread.add(new CheckRequest(r.submissionId(), new preflight.listing.Seller("bench-" + (i % 200), "CN", "alibaba.com"),
                    r.product(), r.targetCountries(), r.options()));
        }
        List<String> out = new ArrayList<>();
        try (CheckLogWriter<CheckedListing> writer = new CheckLogWriter<>(log, toRecord, 100_000)) {
            CheckService plain = new CheckService(packs, ip, new DecisionPolicy(), 2);
            CheckService recorded = new CheckService(packs, ip, stores::forecast, writer::offer, clock, new DecisionPolicy(), 2);
            Percentiles off = time(plain, spread, iterations);
            Percentiles on = time(recorded, spread, iterations);
            writer.flush(Duration.ofMinutes(2));
            out.add(name + ": check without the store record: " + off);
            out.add(name + ": check with forecast and check log: " + on + "  (" + writer.status().written() + " records written)");
            out.add(String.format(Locale.ROOT, "%s: the forecast and the record add %.3f ms at p50 and %.3f ms at p99", name,
                    on.p50Ms() - off.p50Ms(), on.p99Ms() - off.p99Ms()));
        } finally {
            stores.close();
        }
        return out;
    }

    private static Percentiles time(CheckService checks, List<CheckRequest> requests, int iterations) {
        for (int i = 0; i < iterations / 2; i++) {
            checks.check(requests.get(i % requests.size()));
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            checks.check(requests.get(i % requests.size()));
            nanos[i] = System.nanoTime() - t;
        }
        return Percentiles.of(nanos, iterations);
    }
}
