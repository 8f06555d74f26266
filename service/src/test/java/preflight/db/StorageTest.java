package preflight.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import preflight.listing.Seller;
import preflight.rules.Category;
import preflight.rules.Citation;
import preflight.rules.Finding;
import preflight.rules.Severity;
import preflight.scoring.EnforcementModel;
import preflight.scoring.PenaltyProfile;
import preflight.scoring.PenaltyProfiles;
import preflight.scoring.StoreScore;
import preflight.store.Calibration;
import preflight.store.StoreService;
import preflight.store.StoreStanding;

/** The penalty ledger, the check log and outcomes, against SQLite and the real PostgreSQL alike. */
class StorageTest {

    static final List<String> SCHEMAS = new ArrayList<>();
    static final PenaltyProfiles PROFILES = PenaltyProfiles.load(Path.of("country-regulations", "penalties"));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> databases() throws Exception {
        Optional<String> pg = TestDatabases.postgres();
        pg.ifPresent(SCHEMAS::add);
        return Stream.of(Arguments.of("sqlite", TestDatabases.sqlite()), Arguments.of("postgresql", pg.orElse(null)));
    }

    @AfterAll
    static void dropSchemas() {
        SCHEMAS.forEach(TestDatabases::dropSchema);
    }

    static Database open(String url) {
        assumeTrue(url != null, "PostgreSQL is not reachable at 127.0.0.1:5432");
        return Database.open(url, url.startsWith("jdbc:postgresql") ? TestDatabases.POSTGRES_USER : null, null);
    }

    static StoreService stores(Database db) {
        return new StoreService(PROFILES, "alibaba.com", new PenaltyLedger(db.dataSource()), new Outcomes(db.dataSource()),
                new CheckLog(db.dataSource()), new EnforcementModel(Map.of()), CLOCK, 2000);
    }

    static PenaltyProfile alibaba() {
        return PROFILES.find("alibaba.com").orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pointsCountUntilTheyExpireAndTheStandingSaysWhatComesNext(String name, String url) {
        try (Database db = open(url); StoreService stores = stores(db)) {
            stores.recordPenalty("S-1", alibaba(), null, "counterfeit", "IP-COUNTERFEIT-WORDING", 6, "serious-ip",
                    LocalDate.of(2025, 11, 1), "L-1", "platform notice");
            stores.recordPenalty("S-1", alibaba(), null, "missing certificate", "US-CPC", 1, null,
                    LocalDate.of(2026, 6, 1), "L-2", "platform notice");
            stores.recordPenalty("S-2", alibaba(), null, "other store", null, 24, null, LocalDate.of(2026, 6, 1), null, "x");

            StoreStanding now = stores.standing("S-1", alibaba(), LocalDate.of(2026, 10, 1));
            assertThat(now.ledgers().get(0).points()).isEqualTo(7);
            assertThat(now.ledgers().get(0).reached()).containsExactly("severe warning");
            assertThat(now.ledgers().get(0).next().at()).isEqualTo(12);
            assertThat(now.ledgers().get(0).next().pointsAway()).isEqualTo(5);
            assertThat(now.strikes().get(0).count()).isEqualTo(1);

            // a year after 2025-11-01 the 6 points no longer count
            StoreStanding later = stores.standing("S-1", alibaba(), LocalDate.of(2026, 11, 2));
            assertThat(later.ledgers().get(0).points()).isEqualTo(1);
            assertThat(later.strikes().get(0).count()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theRollOutKeepsVersionsAuditShadowVerdictsAndKeys(String name, String url) throws Exception {
        try (Database db = open(url)) {
            PackVersions versions = new PackVersions(db.dataSource());
            Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
            versions.insert(new PackVersion("v-1", "US", "2026.12.0", Map.of("pack.yaml", "market: US", "a.drl", "rule …"),
                    PackVersion.CANDIDATE, List.of(), List.of(), "upload", "note", "officer", t0, null, false));
            versions.insert(new PackVersion("v-2", "US", "2026.12.1", Map.of("pack.yaml", "market: US"), PackVersion.REFUSED,
                    List.of("rules/US/a.drl:3: bad"), List.of("cpc-missing: …"), "upload", null, "officer", t0.plusSeconds(1), null, false));
            versions.setShadow("v-1", true);
            versions.setStatus("v-1", PackVersion.ACTIVE, t0.plusSeconds(5));

            assertThat(versions.ofMarket("US")).extracting(PackVersion::versionId).containsExactly("v-2", "v-1");
            PackVersion v1 = versions.find("v-1").orElseThrow();
            assertThat(v1.status()).isEqualTo(PackVersion.ACTIVE);
            assertThat(v1.activatedAt()).isEqualTo(t0.plusSeconds(5));
            assertThat(v1.files()).containsEntry("a.drl", "rule …");
            assertThat(versions.inShadow()).extracting(PackVersion::versionId).containsExactly("v-1");
            assertThat(versions.find("v-2").orElseThrow().errors()).containsExactly("rules/US/a.drl:3: bad");

            AuditLog audit = new AuditLog(db.dataSource());
            audit.record(t0, "officer (configured key 1234abcd)", "upload", "US", "v-1", Map.of("version", "2026.12.0"));
            audit.record(t0.plusSeconds(9), "admin", "key-created", null, null, Map.of("role", "officer"));
            assertThat(audit.latest(null, 10)).extracting(AuditLog.Entry::action).containsExactly("key-created", "upload");
            assertThat(audit.latest("US", 10)).singleElement().satisfies(e -> assertThat(e.detail()).containsEntry("version", "2026.12.0"));

            ShadowVerdicts shadows = new ShadowVerdicts(db.dataSource());
            shadows.write(List.of(new ShadowVerdicts.ShadowVerdict("v-1", "c-1", "PASS", "WARN", List.of(), List.of("US-X", "US-Y"), t0)));
            assertThat(shadows.of("v-1")).singleElement().satisfies(v -> assertThat(v.shadowRules()).containsExactly("US-X", "US-Y"));

            StoredKeys keys = new StoredKeys(db.dataSource());
            keys.insert(new StoredKeys.StoredKey("k-1", "ab".repeat(32), "officer", null, "Jane", "admin", t0, null));
            assertThat(keys.revoke("k-1", t0.plusSeconds(60))).isTrue();
            assertThat(keys.revoke("k-1", t0.plusSeconds(61))).isFalse();
            assertThat(keys.all()).singleElement().satisfies(k -> assertThat(k.revokedAt()).isEqualTo(t0.plusSeconds(60)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theForecastStartsFromTheLedger(String name, String url) {
        try (Database db = open(url); StoreService stores = stores(db)) {
            stores.recordPenalty("S-6", alibaba(), null, "counterfeit", null, 6, null, LocalDate.of(2026, 9, 1), null, "x");
            Finding replica = new Finding("IP-COUNTERFEIT-WORDING", "*", Category.IP, Severity.CRITICAL, "m",
                    new Citation("GLOBAL-WTO-TRIPS", "t", "u"), List.of(), "f", LocalDate.of(1995, 1, 1), null, 0);

            StoreScore s = stores.forecast(new Seller("S-6", "CN", "alibaba.com"), List.of(replica), LocalDate.of(2026, 11, 25));

            assertThat(s.available()).isTrue();
            assertThat(s.currentPoints()).isEqualTo(6);
            assertThat(s.breachProbability().get("12")).isEqualTo(0.6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyCheckIsKeptAndOutcomesTeachTheForecast(String name, String url) throws Exception {
        try (Database db = open(url); StoreService stores = stores(db)) {
            CheckLog log = new CheckLog(db.dataSource());
            try (CheckLogWriter<CheckRecord> writer = new CheckLogWriter<>(log, r -> r, 100)) {
                for (int i = 0; i < 5; i++) {
                    writer.offer(new CheckRecord("c-" + i, "L-" + i, "S-1", "alibaba.com", "BLOCK", "lexicon", "{\"global\":\"1\"}",
                            "{\"seller\":{\"id\":\"S-1\"}}", "{\"decision\":\"BLOCK\"}", Instant.now(CLOCK),
                            List.of(new CheckRecord.ForecastItem("IP-COUNTERFEIT-WORDING", 0.6, 6))));
                }
                assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(writer.status().written()).isEqualTo(5);
            }
            CheckRecord back = log.find("c-3").orElseThrow();
            assertThat(back.decision()).isEqualTo("BLOCK");
            assertThat(back.classifier()).isEqualTo("lexicon");
            assertThat(back.verdict()).contains("BLOCK");

            assertThat(stores.recordOutcome("c-0", true, List.of("IP-COUNTERFEIT-WORDING"), 6)).isEqualTo(StoreService.OutcomeResult.RECORDED);
            assertThat(stores.recordOutcome("c-1", true, List.of(), 0)).isEqualTo(StoreService.OutcomeResult.RECORDED);
            assertThat(stores.recordOutcome("c-1", true, List.of(), 0)).isEqualTo(StoreService.OutcomeResult.ALREADY_RECORDED);
            assertThat(stores.recordOutcome("nope", true, List.of(), 0)).isEqualTo(StoreService.OutcomeResult.UNKNOWN_CHECK);

            Calibration c = stores.calibration();
            assertThat(c.forecasts()).isEqualTo(2);
            // (0.6 - 1)^2 and (0.6 - 0)^2, averaged
            assertThat(c.brier()).isEqualTo((0.16 + 0.36) / 2);
            Calibration.Bucket bucket = c.reliability().get(6);
            assertThat(bucket.count()).isEqualTo(2);
            assertThat(bucket.observedRate()).isEqualTo(0.5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoInstancesRecordingForOneStoreAtOnceLoseNoUpdate(String name, String url) throws Exception {
        try (Database first = open(url); Database second = open(url);
             StoreService a = stores(first); StoreService b = stores(second)) {
            int perInstance = 100;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (StoreService s : List.of(a, b, a, b)) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perInstance / 2; i++) {
                        s.recordPenalty("S-RACE", alibaba(), null, "race", null, 1, null, LocalDate.of(2026, 11, 1), null, "test");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(a.standing("S-RACE", alibaba(), LocalDate.of(2026, 11, 25)).ledgers().get(0).points())
                    .isEqualTo(2 * perInstance);
        }
    }
}
