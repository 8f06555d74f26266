package preflight.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import preflight.check.CheckRequest;
import preflight.check.CheckService;
import preflight.check.Verdict;
import preflight.db.AuditLog;
import preflight.db.CheckLog;
import preflight.db.CheckRecord;
import preflight.db.PackVersion;
import preflight.db.PackVersions;
import preflight.http.CheckRequestParser;
import preflight.http.InvalidRequestException;
import preflight.ip.IpScreen;
import preflight.regulations.InvalidCatalogException;
import preflight.reload.PackReloader;
import preflight.reload.PackStatus;
import preflight.rules.Finding;
import preflight.rules.LivePacks;
import preflight.rules.RulePack;
import preflight.rules.RulePacks;

/**
 * Rule roll-out through the API. An officer uploads a candidate version of a market's pack; it is screened,
 * compiled, checked and run against the golden cases exactly as a hot reload would, beside the live packs,
 * and kept with what was found. A candidate can be previewed against the checks in the check log, run in
 * shadow mode on real traffic, and activated: its files replace the pack's files on disk and the reload
 * puts it live (or refuses it, and the old files come back). Rolling back is activating an earlier version.
 * Every version is kept; every upload, activation, rollback and shadow switch is in the audit log.
 */
public final class Rollout {

    public static final int MAX_PREVIEW = 5_000;
    private static final int KEPT_COMPILED = 8;
    private static final Pattern VERSION = Pattern.compile("(?m)^version:\\s*['\"]?([^'\"\\s#]+)");
    private static final Pattern MARKET = Pattern.compile("global|EU|[A-Z]{2}");

    private final Path rulesDir;
    private final PackReloader reloader;
    private final LivePacks live;
    private final Supplier<IpScreen> ip;
    private final CheckRequestParser parser;
    private final BiFunction<Supplier<RulePacks>, Supplier<IpScreen>, CheckService> checksOver;
    private final PackVersions versions;
    private final AuditLog audit;
    private final CheckLog checkLog;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final preflight.reload.BackgroundThread previews = new preflight.reload.BackgroundThread("rollout-preview");
    /**
     * Compiled candidates by version id (the candidate's pack and the live packs built on it), the most
     * recently used few: a knowledge base holds megabytes, and an evicted one is compiled again when asked.
     */
    private final Map<String, Map<String, RulePack>> compiled = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, RulePack>> eldest) {
                    return size() > KEPT_COMPILED;
                }
            });

    public Rollout(Path rulesDir, PackReloader reloader, LivePacks live, Supplier<IpScreen> ip, CheckRequestParser parser,
                   BiFunction<Supplier<RulePacks>, Supplier<IpScreen>, CheckService> checksOver, PackVersions versions,
                   AuditLog audit, CheckLog checkLog, Clock clock) {
        this.rulesDir = rulesDir;
        this.reloader = reloader;
        this.live = live;
        this.ip = ip;
        this.parser = parser;
        this.checksOver = checksOver;
        this.versions = versions;
        this.audit = audit;
        this.checkLog = checkLog;
        this.clock = clock;
    }

    /** Stages an uploaded pack: validates, compiles and tests it, and keeps it as a candidate or as refused. */
    public PackVersion stage(String market, Map<String, String> files, String note, String actor) throws SQLException {
        checkMarket(market);
        if (!files.containsKey("pack.yaml")) {
            throw RolloutException.invalid("files", "a pack needs its pack.yaml");
        }
        for (String name : files.keySet()) {
            if (!PackFiles.isPackFile(name) || name.endsWith(".xlsx")) {
                throw RolloutException.invalid("files." + name, "a file name is pack.yaml, NAME.drl, NAME.csv (letters, digits, . _ -)"
                        + " or messages_LANG.properties (the rules' translations); spreadsheets are uploaded as CSV");
            }
        }
        if (files.keySet().stream().noneMatch(n -> n.endsWith(".drl") || n.endsWith(".csv"))) {
            throw RolloutException.invalid("files", "a pack needs at least one .drl or .csv file");
        }
        Attempt attempt = attempt(market, files);
        String status = attempt.refused().isEmpty() ? PackVersion.CANDIDATE : PackVersion.REFUSED;
        PackVersion v = new PackVersion(UUID.randomUUID().toString(), market, version(files), Map.copyOf(files), status,
                attempt.errors(), attempt.failedCases(), "upload", note, actor, clock.instant(), null, false);
        versions.insert(v);
        if (status.equals(PackVersion.CANDIDATE)) {
            compiled.put(v.versionId(), attempt.packs());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", v.version());
        detail.put("status", status);
        detail.put("files", PackFiles.diff(PackFiles.read(rulesDir.resolve(market)), files));
        audit.record(v.createdAt(), actor, "upload", market, v.versionId(), detail);
        return v;
    }

    /** The market's versions, newest first. */
    public List<PackVersion> versions(String market) throws SQLException {
        checkMarket(market);
        return versions.ofMarket(market);
    }

    public PackVersion version(String market, String versionId) throws SQLException {
        return versions.find(versionId).filter(v -> v.market().equals(market))
                .orElseThrow(() -> RolloutException.notFound("versionId", "no version " + versionId + " of pack " + market));
    }

    /**
     * Runs a candidate and the live packs over recorded checks (the last {@code last} in [from, to)) as of
     * today, and reports where they differ.
     */
    public Preview preview(String market, String versionId, int last, Instant from, Instant to) throws SQLException {
        PackVersion v = usable(market, versionId);
        List<CheckRecord> records = checkLog.recent(last, from, to);
        // thousands of checks run twice: at the lowest priority, so that the listing flow's checks keep the cores
        return previews.run(() -> judge(v, market, records));
    }

    private Preview judge(PackVersion v, String market, List<CheckRecord> records) {
        Map<String, RulePack> candidate = packsOf(v);
        RulePacks livePacks = live.get();
        RulePacks candidatePacks = livePacks.with(candidate);
        CheckService liveChecks = checksOver.apply(() -> livePacks, ip);
        CheckService candidateChecks = checksOver.apply(() -> candidatePacks, ip);
        List<Impact.Pair> pairs = new ArrayList<>();
        int unreadable = 0;
        String today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        for (CheckRecord r : records) {
            CheckRequest request;
            try {
                ObjectNode node = (ObjectNode) json.readTree(r.request());
                ((ObjectNode) node.with("options")).put("asOf", today);
                request = parser.parse(node);
            } catch (IOException | InvalidRequestException | ClassCastException e) {
                unreadable++; // recorded by an older version whose request shape this one refuses
                continue;
            }
            if (!candidatePacks.judgedByAny(request.targetCountries(), candidate.keySet())) {
                continue;
            }
            pairs.add(pair(r.checkId(), request, liveChecks.check(request), candidateChecks.check(request)));
        }
        return new Preview(v.versionId(), market, v.version(), today, records.size(), unreadable, Impact.of(pairs));
    }

    /** A preview: how many recorded checks were read, and the impact over those the candidate judges. */
    public record Preview(String versionId, String market, String version, String asOf, int checksRead, int unreadable,
                          Impact.Summary impact) {
    }

    /** Activates a candidate: its files replace the pack's, and the reload puts it live. */
    public PackVersion activate(String market, String versionId, String actor) throws SQLException {
        PackVersion v = version(market, versionId);
        if (!v.status().equals(PackVersion.CANDIDATE)) {
            throw RolloutException.conflict("version " + versionId + " is " + v.status() + "; only a candidate can be activated"
                    + (v.status().equals(PackVersion.RETIRED) ? " (roll back to it instead)" : ""));
        }
        return goLive(v, actor, "activate");
    }

    /** Rolls back to an earlier version: the one that was live before, or any kept version. */
    public PackVersion rollback(String market, String versionId, String actor) throws SQLException {
        PackVersion v = version(market, versionId);
        if (!v.status().equals(PackVersion.RETIRED)) {
            throw RolloutException.conflict("version " + versionId + " is " + v.status() + "; a rollback goes back to a retired version");
        }
        return goLive(v, actor, "rollback");
    }

    void record(String actor, String action, String market, String versionId, Map<String, Object> detail) throws SQLException {
        audit.record(clock.instant(), actor, action, market, versionId, detail);
    }

    /** The audit log, newest first. */
    public List<AuditLog.Entry> audit(String market, int limit) throws SQLException {
        return audit.latest(market, limit);
    }

    /** The candidate's pack and the live packs built on it, compiled once. */
    Map<String, RulePack> packsOf(PackVersion v) {
        return compiled.computeIfAbsent(v.versionId(), id -> {
            Attempt a = attempt(v.market(), v.files());
            if (!a.refused().isEmpty()) {
                throw RolloutException.conflict("version " + id + " no longer passes beside the live packs: " + a.errors()
                        + a.failedCases());
            }
            return a.packs();
        });
    }

    /** A version that can be previewed or shadowed: not refused. */
    PackVersion usable(String market, String versionId) throws SQLException {
        PackVersion v = version(market, versionId);
        if (v.status().equals(PackVersion.REFUSED)) {
            throw RolloutException.conflict("version " + versionId + " was refused: " + v.errors() + v.failedCases());
        }
        return v;
    }

    Impact.Pair pair(String checkId, CheckRequest request, Verdict live, Verdict candidate) {
        return new Impact.Pair(checkId, request.product().title(), live.decision().name(), candidate.decision().name(),
                rules(live), rules(candidate));
    }

    static List<String> rules(Verdict v) {
        return v.findings().stream().map(Finding::ruleId).distinct().sorted().toList();
    }

    private synchronized PackVersion goLive(PackVersion v, String actor, String action) throws SQLException {
        Path dir = rulesDir.resolve(v.market());
        Map<String, String> before = PackFiles.read(dir);
        Optional<PackVersion> current = versions.ofMarket(v.market()).stream()
                .filter(x -> x.status().equals(PackVersion.ACTIVE)).findFirst();
        Instant now = clock.instant();
        if (!before.isEmpty() && (current.isEmpty() || !current.get().files().equals(before))) {
            // what is on disk was put there by hand: keep it as a version, so that it can be rolled back to
            PackVersion onDisk = new PackVersion(UUID.randomUUID().toString(), v.market(), version(before), before,
                    PackVersion.ACTIVE, List.of(), List.of(), "files", "the files on disk before " + action + " of " + v.version(),
                    "files on disk", now, now, false);
            versions.insert(onDisk);
            current.ifPresent(c -> retire(c.versionId(), now));
            current = Optional.of(onDisk);
        }
        PackReloader.Report report;
        try {
            report = reloader.apply(() -> PackFiles.write(dir, v.files()));
        } catch (UncheckedIOException e) {
            reloader.apply(() -> PackFiles.write(dir, before));
            throw RolloutException.conflict("could not write the pack's files: " + e.getMessage());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", current.map(PackVersion::version).orElse("(no pack)"));
        detail.put("fromVersionId", current.map(PackVersion::versionId).orElse(null));
        detail.put("to", v.version());
        detail.put("files", PackFiles.diff(before, v.files()));
        if (!report.accepted().contains(v.market())) {
            PackStatus.Candidate why = reloader.status(v.market()).map(PackStatus::rejected).orElse(null);
            reloader.apply(() -> PackFiles.write(dir, before)); // the last good files come back
            List<String> errors = why == null ? List.of("the reload did not accept it") : why.errors();
            List<String> failed = why == null ? List.of() : why.failedCases();
            if (action.equals("activate")) {
                versions.refuse(v.versionId(), errors, failed);
                compiled.remove(v.versionId());
            }
            detail.put("refused", errors);
            detail.put("failedCases", failed);
            audit.record(now, actor, action + "-refused", v.market(), v.versionId(), detail);
            throw RolloutException.conflict("the reload refused version " + v.version() + ": " + errors + failed);
        }
        current.ifPresent(c -> retire(c.versionId(), now));
        versions.setStatus(v.versionId(), PackVersion.ACTIVE, now);
        versions.setShadow(v.versionId(), false);
        compiled.remove(v.versionId());
        audit.record(now, actor, action, v.market(), v.versionId(), detail);
        return versions.find(v.versionId()).orElseThrow();
    }

    private void retire(String versionId, Instant at) {
        try {
            versions.setStatus(versionId, PackVersion.RETIRED, at);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A candidate tried beside the live packs, in a copy of the rules folder with the market's files replaced. */
    private record Attempt(Map<String, RulePack> packs, Map<String, PackStatus.Candidate> refused, List<String> errors,
                           List<String> failedCases) {
    }

    private Attempt attempt(String market, Map<String, String> files) {
        Path work = null;
        try {
            work = Files.createTempDirectory("preflight-candidate-");
            Path rules = work.resolve("rules"); // problems then read rules/<market>/file, as officers know them
            PackFiles.copyTree(rulesDir, rules);
            PackFiles.deleteTree(rules.resolve(market));
            PackFiles.write(rules.resolve(market), files);
            String declared = marketOf(files.get("pack.yaml"));
            if (!market.equals(declared)) {
                String e = "rules/" + market + "/pack.yaml: market is '" + declared + "', but the upload is for " + market;
                return new Attempt(Map.of(), Map.of(market, new PackStatus.Candidate(clock.instant(), List.of(e), List.of())),
                        List.of(e), List.of());
            }
            PackReloader.Trial t = reloader.trial(rules, market);
            List<String> errors = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            t.refused().forEach((m, c) -> {
                c.errors().forEach(e -> errors.add(m.equals(market) ? e : m + " (built on " + market + "): " + e));
                c.failedCases().forEach(f -> failed.add(m.equals(market) ? f : m + ": " + f));
            });
            return new Attempt(t.accepted(), t.refused(), errors, failed);
        } catch (InvalidCatalogException e) {
            return new Attempt(Map.of(), Map.of(market, new PackStatus.Candidate(clock.instant(), e.problems(), List.of())),
                    e.problems(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                PackFiles.deleteTree(work);
            }
        }
    }

    private static void checkMarket(String market) {
        if (!MARKET.matcher(market).matches()) {
            throw RolloutException.invalid("market", "a market is global, EU or a two-letter country code");
        }
    }

    private static String version(Map<String, String> files) {
        Matcher m = VERSION.matcher(files.getOrDefault("pack.yaml", ""));
        return m.find() ? m.group(1) : "(no version)";
    }

    private static String marketOf(String packYaml) {
        Matcher m = Pattern.compile("(?m)^market:\\s*['\"]?([^'\"\\s#]+)").matcher(packYaml == null ? "" : packYaml);
        return m.find() ? m.group(1) : "(none)";
    }
}
