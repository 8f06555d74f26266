package preflight.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import preflight.db.CheckLog;
import preflight.db.CheckRecord;
import preflight.db.Outcome;
import preflight.db.Outcomes;
import preflight.db.Penalty;
import preflight.db.PenaltyLedger;
import preflight.listing.Seller;
import preflight.rules.Finding;
import preflight.scoring.EnforcementModel;
import preflight.scoring.PenaltyProfile;
import preflight.scoring.PenaltyProfiles;
import preflight.scoring.Standing;
import preflight.scoring.StoreForecast;
import preflight.scoring.StoreScore;

/**
 * A store's standing and forecast: reads the penalty ledger, applies the platform's penalty profile,
 * and learns from recorded outcomes. A check waits for the ledger at most {@code budgetMillis}; past it,
 * or when the database is down, the forecast says it is unavailable and why, and the check answers.
 */
public final class StoreService implements AutoCloseable {

    private final PenaltyProfiles profiles;
    private final String defaultPlatform;
    private final PenaltyLedger ledger;
    private final Outcomes outcomes;
    private final CheckLog checkLog;
    private final EnforcementModel model;
    private final Clock clock;
    private final long budgetMillis;
    /** Opens after 5 failed ledger reads in a row; then one read a second is tried until one answers. */
    private final preflight.resilience.CircuitBreaker ledgerBreaker = new preflight.resilience.CircuitBreaker(5, 1000, System::nanoTime);
    private volatile String lastFailure = "";
    private final ExecutorService reads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "ledger-read");
        t.setDaemon(true);
        return t;
    });

    public StoreService(PenaltyProfiles profiles, String defaultPlatform, PenaltyLedger ledger, Outcomes outcomes,
                        CheckLog checkLog, EnforcementModel model, Clock clock, long budgetMillis) {
        this.profiles = profiles;
        this.defaultPlatform = defaultPlatform;
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.checkLog = checkLog;
        this.model = model;
        this.clock = clock;
        this.budgetMillis = budgetMillis;
    }

    public Optional<PenaltyProfile> profile(String platform) {
        return profiles.find(platform == null || platform.isBlank() ? defaultPlatform : platform);
    }

    public String platformOf(Seller seller) {
        return seller.platform() == null || seller.platform().isBlank() ? defaultPlatform : seller.platform();
    }

    /** The forecast for a check; never throws: what cannot be known is said in {@code reason}. */
    public StoreScore forecast(Seller seller, List<Finding> inForce, LocalDate asOf) {
        String platform = platformOf(seller);
        Optional<PenaltyProfile> profile = profiles.find(platform);
        if (profile.isEmpty()) {
            return StoreScore.unavailable(platform, "no penalty profile for platform '" + platform + "'; profiles: "
                    + profiles.all().stream().map(PenaltyProfile::platform).toList());
        }
        LedgerRead read = read(platform, () -> {
            // the listing flow waits for the ledger at most its budget
            CompletableFuture<Standing> r = CompletableFuture.supplyAsync(() -> standing(profile.get(), seller.id(), asOf), reads);
            try {
                return r.get(budgetMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new LedgerFailure("no answer within " + budgetMillis + " ms",
                        "the penalty ledger did not answer within " + budgetMillis + " ms");
            } catch (ExecutionException e) {
                throw new LedgerFailure(String.valueOf(e.getCause().getMessage()).lines().findFirst().orElse(""),
                        "the penalty ledger cannot be read: " + e.getCause().getMessage());
            }
        });
        return read.standing() == null ? read.unavailable() : StoreForecast.forecast(profile.get(), read.standing(), inForce, model);
    }

    /**
     * The forecast for a catalogue check: each seller's ledger is read once for the whole batch, not once per
     * listing, and without the listing flow's time budget (a batch waits for the database rather than guessing).
     */
    public preflight.check.StoreScorer oncePerSeller() {
        Map<String, Standing> standings = new java.util.concurrent.ConcurrentHashMap<>();
        return (seller, inForce, asOf) -> {
            String platform = platformOf(seller);
            Optional<PenaltyProfile> profile = profiles.find(platform);
            if (profile.isEmpty()) {
                return forecast(seller, inForce, asOf);
            }
            String key = platform + "\n" + seller.id() + "\n" + asOf;
            Standing standing = standings.get(key);
            if (standing == null) {
                LedgerRead read = read(platform, () -> {
                    try {
                        return standing(profile.get(), seller.id(), asOf);
                    } catch (StoreUnavailableException e) {
                        throw new LedgerFailure(String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e.getMessage());
                    }
                });
                if (read.standing() == null) {
                    return read.unavailable();
                }
                standing = read.standing();
                standings.put(key, standing);
            }
            return StoreForecast.forecast(profile.get(), standing, inForce, model);
        };
    }

    /** A standing read from the ledger, or the forecast to answer instead (the ledger is down or slow). */
    private record LedgerRead(Standing standing, StoreScore unavailable) {
    }

    /** A ledger read that failed: what the breaker remembers, and what the forecast says. */
    private static final class LedgerFailure extends Exception {
        final String reason;

        LedgerFailure(String lastFailure, String reason) {
            super(lastFailure);
            this.reason = reason;
        }
    }

    private interface Reading {
        Standing read() throws LedgerFailure, InterruptedException;
    }

    /**
     * One ledger read behind the circuit breaker: after 5 failures in a row the ledger is left alone for a second
     * and forecasts answer at once, instead of every check waiting out a database that is down.
     */
    private LedgerRead read(String platform, Reading reading) {
        if (!ledgerBreaker.allow()) {
            return new LedgerRead(null, StoreScore.unavailable(platform, "the penalty ledger is not answering (" + lastFailure
                    + "); asking again shortly"));
        }
        try {
            Standing s = reading.read();
            ledgerBreaker.succeeded();
            return new LedgerRead(s, null);
        } catch (LedgerFailure e) {
            lastFailure = e.getMessage();
            ledgerBreaker.failed();
            return new LedgerRead(null, StoreScore.unavailable(platform, e.reason));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LedgerRead(null, StoreScore.unavailable(platform, "interrupted while reading the penalty ledger"));
        }
    }

    /** Points per ledger and strikes that count on {@code asOf}. */
    Standing standing(PenaltyProfile profile, String sellerId, LocalDate asOf) {
        return standing(profile, penalties(profile, sellerId, asOf), asOf);
    }

    private static Standing standing(PenaltyProfile profile, List<Penalty> penalties, LocalDate asOf) {
        Map<String, Integer> points = new HashMap<>();
        Map<String, Integer> strikes = new HashMap<>();
        for (Penalty p : penalties) {
            PenaltyProfile.Ledger l = profile.ledger(p.ledger());
            if (p.date().isAfter(asOf.minusDays(l.countsForDays()))) {
                points.merge(l.id(), p.points(), Integer::sum);
                if (p.strike() != null) {
                    strikes.merge(p.strike(), 1, Integer::sum);
                }
            }
        }
        return new Standing(points, strikes);
    }

    private List<Penalty> penalties(PenaltyProfile profile, String sellerId, LocalDate asOf) {
        int window = profile.ledgers().stream().mapToInt(PenaltyProfile.Ledger::countsForDays).max().orElse(365);
        try {
            return ledger.between(sellerId, profile.platform(), asOf.minusDays(window), asOf);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the penalty ledger cannot be read: " + e.getMessage(), e);
        }
    }

    /** The store's standing for GET /v1/stores/{sellerId}. */
    public StoreStanding standing(String sellerId, PenaltyProfile profile, LocalDate asOf) {
        List<Penalty> counting = penalties(profile, sellerId, asOf);
        Standing s = standing(profile, counting, asOf);
        List<StoreStanding.LedgerStanding> ledgers = new ArrayList<>();
        for (PenaltyProfile.Ledger l : profile.ledgers()) {
            int recorded = s.points(l.id());
            int points = l.down() ? l.start() - recorded : recorded;
            StoreStanding.Next next = null;
            List<String> reached = new ArrayList<>();
            for (PenaltyProfile.Threshold t : l.thresholds()) {
                boolean isReached = l.down() ? points < t.at() : points >= t.at();
                if (isReached) {
                    reached.add(t.sanction());
                } else if (next == null) {
                    next = new StoreStanding.Next(t.at(), t.sanction(), l.down() ? points - t.at() + 1 : t.at() - points);
                }
            }
            ledgers.add(new StoreStanding.LedgerStanding(l.id(), l.title(), points, l.countsForDays(), next, reached));
        }
        List<StoreStanding.StrikeStanding> strikes = profile.strikes().stream()
                .map(st -> new StoreStanding.StrikeStanding(st.id(), st.title(), s.strikes(st.id()), st.limit(), st.sanction()))
                .toList();
        return new StoreStanding(sellerId, profile.platform(), asOf, ledgers, strikes, counting);
    }

    public Penalty recordPenalty(String sellerId, PenaltyProfile profile, String ledgerId, String violationType, String ruleId,
                                 int points, String strike, LocalDate date, String listingId, String source) {
        Penalty p = new Penalty(UUID.randomUUID().toString(), sellerId, profile.platform(), profile.ledger(ledgerId).id(),
                violationType, ruleId, points, strike, date, listingId, source, Instant.now(clock));
        try {
            ledger.record(p);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the penalty could not be recorded: " + e.getMessage(), e);
        }
        return p;
    }

    /**
     * Records what happened to a published listing and teaches the enforcement model: each rule the
     * forecast covered counts once, enforced or not.
     */
    public OutcomeResult recordOutcome(String checkId, boolean published, List<String> enforced, Integer points) {
        try {
            if (checkLog.find(checkId).isEmpty()) {
                return OutcomeResult.UNKNOWN_CHECK;
            }
            if (!outcomes.record(new Outcome(checkId, published, enforced, points, Instant.now(clock)))) {
                return OutcomeResult.ALREADY_RECORDED;
            }
            if (published) {
                for (String rule : outcomes.forecastRules(checkId)) {
                    model.record(rule, enforced.contains(rule));
                }
            }
            return OutcomeResult.RECORDED;
        } catch (SQLException e) {
            throw new StoreUnavailableException("the outcome could not be recorded: " + e.getMessage(), e);
        }
    }

    /** What an outcome POST did. */
    public enum OutcomeResult { RECORDED, ALREADY_RECORDED, UNKNOWN_CHECK }

    /** A check from the check log. */
    public Optional<CheckRecord> check(String checkId) {
        try {
            return checkLog.find(checkId);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the check log cannot be read: " + e.getMessage(), e);
        }
    }

    public Calibration calibration() {
        try {
            return Calibration.of(outcomes.pairs());
        } catch (SQLException e) {
            throw new StoreUnavailableException("outcomes cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        reads.shutdownNow();
    }
}
