package preflight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import preflight.check.CheckedListing;
import preflight.check.Verdict;
import preflight.db.CheckLog;
import preflight.db.CheckLogWriter;
import preflight.db.CheckRecord;
import preflight.db.Database;
import preflight.db.Outcomes;
import preflight.db.PenaltyLedger;
import preflight.listing.Seller;
import preflight.rules.Finding;
import preflight.scoring.EnforcementModel;
import preflight.scoring.PenaltyProfiles;
import preflight.scoring.StoreScore;
import preflight.reload.PackReloader;
import preflight.store.StoreService;
import preflight.cases.CaseRunner;
import preflight.check.CheckService;
import java.util.concurrent.atomic.AtomicReference;
import preflight.config.Settings;
import preflight.ip.IpClassifier;
import preflight.ip.IpClassifiers;
import preflight.ip.IpData;
import preflight.ip.IpDataLoader;
import preflight.ip.IpScreen;
import preflight.http.Admin;
import preflight.metrics.Metrics;
import preflight.http.ApiKeys;
import preflight.http.CheckRequestParser;
import preflight.db.AuditLog;
import preflight.db.PackVersions;
import preflight.db.ShadowVerdicts;
import preflight.db.StoredKeys;
import preflight.rollout.Rollout;
import preflight.rollout.ShadowRunner;
import preflight.batch.BatchInput;
import preflight.batch.BatchJob;
import preflight.batch.Batches;
import preflight.db.BatchStore;
import preflight.db.Rescreens;
import preflight.http.Reporting;
import preflight.report.RuleTranslations;
import preflight.rescreen.Rescreener;
import preflight.regulations.RegulationCatalog;
import preflight.rules.LivePacks;
import preflight.rules.PackLoader;
import preflight.rules.RulePacks;
import preflight.scoring.DecisionPolicy;

/** Wires the service by hand: one place that knows which part needs which. */
public final class Preflight {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = preflight.http.Json.mapper();

    private final Settings settings;
    private final Clock clock;
    private final LivePacks packs = new LivePacks();
    private final AtomicReference<IpScreen> ipScreen = new AtomicReference<>();
    private IpClassifier classifier;
    private final AtomicReference<Storage> storage = new AtomicReference<>();

    /** The database and what lives in it, once opened. */
    public record Storage(Database database, StoreService stores, CheckLogWriter<CheckedListing> writer, Admin admin,
                          java.util.concurrent.ScheduledExecutorService background, Reporting reporting, Rescreener rescreener) {
    }
    private final CheckRequestParser parser;
    private final CheckService checks;
    private final PackReloader reloader;
    private final ApiKeys apiKeys;
    private final Metrics metrics = new Metrics();

    public Preflight(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.parser = new CheckRequestParser(clock);
        this.checks = new CheckService(packs, ipScreen::get, this::forecast, this::record, clock, new DecisionPolicy(),
                settings.checkConcurrency());
        this.reloader = new PackReloader(settings.rulesDir(), settings.regulationsDir(), settings.ipDataDir(),
                settings.testCasesDir(), clock, packs, ipScreen::get, ipScreen::set, parser, Preflight::trialChecks,
                report -> {
                    metrics.reload(report, packs.get());
                    Storage s = storage.get();
                    if (s != null) {
                        s.rescreener().packsChanged();
                    }
                });
        this.apiKeys = ApiKeys.parse(settings.apiKeys());
        metrics.checksWaiting(checks.admission()::waiting);
    }

    /** A check service over given packs and IP screen, to judge candidates with: no store record, no check log. */
    private static CheckService trialChecks(java.util.function.Supplier<RulePacks> packs, java.util.function.Supplier<IpScreen> ip) {
        return new CheckService(packs, ip, new DecisionPolicy(), 2);
    }

    /** Reads the catalog and compiles every pack; throws with every problem when anything is wrong. */
    public RulePacks loadPacks() {
        reloader.baseline();
        RegulationCatalog catalog = RegulationCatalog.load(settings.regulationsDir());
        RulePacks loaded = new PackLoader(settings.rulesDir(), catalog, clock).loadAll();
        loadIp(catalog);
        packs.swap(loaded);
        metrics.packsLive(loaded);
        Storage s = storage.get();
        if (s != null) {
            s.rescreener().baseline(loaded);
        }
        return loaded;
    }

    /** Loads the IP screen's data and classifier; throws with every problem when the data is wrong. */
    public IpScreen loadIp(RegulationCatalog catalog) {
        IpData ip = new IpDataLoader().load(settings.ipDataDir());
        IpScreen screen = new IpScreen(ip, catalog, classifier(ip));
        ipScreen.set(screen);
        return screen;
    }

    /** Built once: a classifier holds models that take seconds to load. */
    private synchronized IpClassifier classifier(IpData ip) {
        if (classifier == null) {
            classifier = metrics.metered(switch (settings.ipClassifier()) {
                case "lexicon" -> null;
                case "llm" -> IpClassifiers.llmWithFallback(settings.llm(), ip.examples(), settings.ipClassifierBudgetMillis());
                default -> IpClassifiers.embedded(ip.examples(), settings.ipClassifierBudgetMillis());
            });
        }
        return classifier;
    }

    /**
     * Opens the database (SQLite in the data folder, or PREFLIGHT_DB_URL), the penalty profiles and the
     * check log. A database that is down does not stop this: the schema is migrated once it answers, and
     * check records wait in the buffer meanwhile.
     */
    public Storage openStorage() {
        Database db = Database.open(settings.dbUrl(), settings.db().user(), settings.db().password());
        PenaltyProfiles profiles = PenaltyProfiles.load(settings.penaltiesDir());
        Outcomes outcomes = new Outcomes(db.dataSource());
        CheckLog log = new CheckLog(db.dataSource());
        StoreService stores = new StoreService(profiles, settings.db().defaultPlatform(), new PenaltyLedger(db.dataSource()),
                outcomes, log, learned(outcomes), clock, settings.db().budgetMillis());
        PackVersions versions = new PackVersions(db.dataSource());
        AuditLog audit = new AuditLog(db.dataSource());
        Rollout rollout = new Rollout(settings.rulesDir(), reloader, packs, ipScreen::get, parser, Preflight::trialChecks,
                versions, audit, log, clock);
        ShadowRunner shadow = new ShadowRunner(rollout, versions, new ShadowVerdicts(db.dataSource()), packs, ipScreen::get,
                Preflight::trialChecks, clock, settings.db().checkLogBuffer());
        StoredKeys keys = new StoredKeys(db.dataSource());
        BatchStore batchStore = new BatchStore(db.dataSource());
        Rescreens rescreens = new Rescreens(db.dataSource());
        Settings.Catalogues catalogues = settings.catalogues();
        Batches batches = new Batches(batchStore, new BatchJob(new CheckService(packs, ipScreen::get, stores.oncePerSeller(),
                c -> { }, clock, new DecisionPolicy(), catalogues.threads()), catalogues.threads()), JSON, clock);
        Rescreener rescreener = new Rescreener(packs, ipScreen::get, Preflight::trialChecks, batchStore, log, rescreens, JSON, clock,
                catalogues.rescreenLimit(), java.time.Duration.ofDays(catalogues.rescreenDays()), catalogues.threads(),
                java.time.Duration.ofSeconds(catalogues.rescreenRetrySeconds()));
        if (packs.isLoaded()) {
            rescreener.baseline(packs.get());
        }
        Reporting reporting = new Reporting(batches, rescreens, new BatchInput(parser, JSON, catalogues.maxRows(), catalogues.maxBytes()),
                new RuleTranslations(settings.rulesDir(), settings.regulationsDir()));
        var background = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "storage-background");
            t.setDaemon(true);
            return t;
        });
        // once the schema is there: shadowing resumes (candidates compile in seconds: not on the way to ready),
        // and the keys made through the API are read, then every 30 s for those other instances make or revoke
        java.util.concurrent.atomic.AtomicLong keysReadAt = new java.util.concurrent.atomic.AtomicLong(-1);
        background.scheduleWithFixedDelay(() -> {
            if (!db.status().migrated()) {
                return;
            }
            if (keysReadAt.get() < 0) {
                shadow.resume();
                resumeBatches(batches);
            }
            if (keysReadAt.get() < 0 || System.nanoTime() - keysReadAt.get() > 30_000_000_000L) {
                refreshKeys(keys);
                keysReadAt.set(System.nanoTime());
            }
        }, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
        Storage opened = new Storage(db, stores, new CheckLogWriter<>(log, this::checkRecord, settings.db().checkLogBuffer()),
                new Admin(rollout, shadow, keys, audit), background, reporting, rescreener);
        storage.set(opened);
        metrics.checkLog(opened.writer()::status);
        return opened;
    }

    private static void resumeBatches(Batches batches) {
        try {
            batches.resume();
        } catch (java.sql.SQLException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Preflight.class).warn("interrupted batches not resumed: {}", e.getMessage());
        }
    }

    /** Reports, batches and re-screens while storage is open, else null. */
    public Reporting reporting() {
        Storage s = storage.get();
        return s == null ? null : s.reporting();
    }

    private void refreshKeys(StoredKeys keys) {
        try {
            apiKeys.refreshFrom(keys);
        } catch (java.sql.SQLException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Preflight.class).warn("API keys not refreshed from the database: {}", e.getMessage());
        }
    }

    /** What /metrics shows. */
    public Metrics metrics() {
        return metrics;
    }

    /** The API keys: configured ones, and those made through the API once storage is open. */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** Rule roll-out and key management while storage is open, else null. */
    public Admin admin() {
        Storage s = storage.get();
        return s == null ? null : s.admin();
    }

    /** What recorded outcomes taught so far; the priors alone when the database cannot say yet. */
    private static EnforcementModel learned(Outcomes outcomes) {
        EnforcementModel model = new EnforcementModel(Map.of());
        try {
            outcomes.pairs().forEach(p -> model.record(p.ruleId(), p.enforced()));
        } catch (java.sql.SQLException e) {
            // the database is not up yet: the priors stand until outcomes can be read
        }
        return model;
    }

    public Storage storage() {
        return storage.get();
    }

    /** The store service while storage is open, else null. */
    public StoreService stores() {
        Storage s = storage.get();
        return s == null ? null : s.stores();
    }

    /** What /health says of storage: the database and the check log's buffer. */
    public Map<String, Object> storageHealth() {
        Storage s = storage.get();
        if (s == null) {
            return Map.of("storage", "not opened");
        }
        return Map.of("database", s.database().status(), "checkLog", s.writer().status());
    }

    private StoreScore forecast(Seller seller, List<Finding> inForce, LocalDate asOf) {
        Storage s = storage.get();
        return s == null ? StoreScore.unavailable(seller.platform(), "no store record is kept by this process (storage not opened)")
                : s.stores().forecast(seller, inForce, asOf);
    }

    private void record(CheckedListing checked) {
        Storage s = storage.get();
        if (s != null) {
            s.writer().offer(checked);
            s.admin().shadow().offer(checked);
        }
    }

    /** Turns a check into its log record (on the writer thread, off the check's path). */
    public CheckRecord checkRecord(CheckedListing c) {
        Verdict v = c.verdict();
        List<CheckRecord.ForecastItem> forecasts = v.storeScore().drivers() == null ? List.of()
                : v.storeScore().drivers().stream()
                        .map(d -> new CheckRecord.ForecastItem(d.ruleId(), d.probability(), d.points())).toList();
        try {
            return new CheckRecord(v.checkId(), v.submissionId(), c.request().seller().id(), v.storeScore().platform(),
                    v.decision().name(), v.ip().classifier(), JSON.writeValueAsString(v.rulePacks()),
                    JSON.writeValueAsString(c.request()), JSON.writeValueAsString(v), c.at(), forecasts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a verdict that cannot be written as JSON", e);
        }
    }

    /** Stops the check log writer (writing what it can) and closes the database. */
    public void closeStorage() {
        Storage s = storage.getAndSet(null);
        if (s != null) {
            s.background().shutdownNow();
            s.reporting().batches().close();
            s.rescreener().close();
            s.admin().shadow().close();
            s.writer().close();
            s.stores().close();
            s.database().close();
        }
    }

    /** Reloads packs and IP data from the files, keeping the last good version of whatever fails. */
    public PackReloader reloader() {
        return reloader;
    }

    /** The live IP screen; null until {@link #loadPacks()} has run. */
    public IpScreen ipScreen() {
        return ipScreen.get();
    }

    public Clock clock() {
        return clock;
    }

    public Settings settings() {
        return settings;
    }

    public LivePacks packs() {
        return packs;
    }

    public CheckRequestParser parser() {
        return parser;
    }

    public CheckService checks() {
        return checks;
    }

    public CaseRunner caseRunner() {
        return new CaseRunner(parser, checks);
    }
}
