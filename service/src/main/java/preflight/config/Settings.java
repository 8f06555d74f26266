package preflight.config;

import java.nio.file.Path;
import java.util.Map;
import preflight.ip.LlmSettings;

/**
 * Configuration from {@code PREFLIGHT_*} environment variables; every default is here.
 *
 * @param port           PREFLIGHT_PORT, HTTP port (8080)
 * @param dataDir        PREFLIGHT_DATA_DIR, where the service keeps its files (./data)
 * @param rulesDir       PREFLIGHT_RULES_DIR, the rule packs (./rules)
 * @param regulationsDir PREFLIGHT_REGULATIONS_DIR, the regulation catalog (./country-regulations)
 * @param testCasesDir   PREFLIGHT_TEST_CASES_DIR, golden cases, also used to warm packs up (./test-cases)
 * @param checkConcurrency PREFLIGHT_CHECK_CONCURRENCY, checks evaluating rules at once (the number of cores)
 * @param ipClassifier   PREFLIGHT_IP_CLASSIFIER, what judges the listings the marks lexicon leaves in doubt:
 *                       embedded (the in-process model), llm (needs PREFLIGHT_LLM_PROVIDER; the embedded model
 *                       answers when it cannot), or lexicon (no classifier). Default: llm when a provider is
 *                       configured, else embedded
 * @param ipClassifierBudgetMillis PREFLIGHT_IP_CLASSIFIER_BUDGET_MS, how long a check waits for the embedded
 *                       classifier (8); past it the lexicon's cautious answer stands and the model's answer is
 *                       cached for the next submission of the listing
 * @param llm            PREFLIGHT_LLM_PROVIDER, _BASE_URL, _MODEL, _API_KEY, _TIMEOUT_MS
 * @param db             PREFLIGHT_DB_URL (SQLite under the data folder), _USER, _PASSWORD; PREFLIGHT_DB_BUDGET_MS (20),
 *                       how long a check waits for the penalty ledger; PREFLIGHT_CHECK_LOG_BUFFER (10000), check
 *                       records held while the database is slow or down; PREFLIGHT_DEFAULT_PLATFORM (alibaba.com),
 *                       the penalty profile for sellers who name none
 * @param apiKeys        PREFLIGHT_API_KEYS, "role:key" entries separated by commas (seller@SELLER_ID:key for a
 *                       seller); none leaves every route open
 * @param limits         PREFLIGHT_CHECK_QUEUE (64), checks that may wait for an evaluator before more get 429;
 *                       PREFLIGHT_REQUEST_TIMEOUT_MS (2000), the longest a check waits for one;
 *                       PREFLIGHT_SHUTDOWN_GRACE_MS (20000), how long a stop waits for requests in flight
 * @param catalogues     PREFLIGHT_BATCH_MAX_ROWS (100000) and PREFLIGHT_BATCH_MAX_BYTES (268435456), the largest batch;
 *                       PREFLIGHT_BATCH_THREADS (the number of cores), threads checking a batch at the lowest priority;
 *                       PREFLIGHT_RESCREEN_LIMIT (100000), the most stored listings a re-screen judges again, and
 *                       PREFLIGHT_RESCREEN_DAYS (90), how far back the check log counts as stored listings, and
 *                       PREFLIGHT_RESCREEN_RETRY_SECONDS (30), how long a failed re-screen waits before it is tried
 *                       again (doubling with each failure, up to 30 minutes)
 */
public record Settings(int port, Path dataDir, Path rulesDir, Path regulationsDir, Path testCasesDir,
                       int checkConcurrency, String ipClassifier, int ipClassifierBudgetMillis, LlmSettings llm,
                       DbSettings db, String apiKeys, Limits limits, Catalogues catalogues) {

    /** Settings with the catalogue defaults. */
    public Settings(int port, Path dataDir, Path rulesDir, Path regulationsDir, Path testCasesDir, int checkConcurrency,
                    String ipClassifier, int ipClassifierBudgetMillis, LlmSettings llm, DbSettings db, String apiKeys, Limits limits) {
        this(port, dataDir, rulesDir, regulationsDir, testCasesDir, checkConcurrency, ipClassifier, ipClassifierBudgetMillis, llm,
                db, apiKeys, limits, Catalogues.fromEnv(Map.of()));
    }

    /** Batches of listings, and the re-screen of stored listings after a pack changes. */
    public record Catalogues(int maxRows, long maxBytes, int threads, int rescreenLimit, int rescreenDays, int rescreenRetrySeconds) {

        static Catalogues fromEnv(Map<String, String> env) {
            long bytes;
            try {
                bytes = Long.parseLong(env.getOrDefault("PREFLIGHT_BATCH_MAX_BYTES", "268435456").strip());
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            if (bytes <= 0) {
                throw new IllegalArgumentException("PREFLIGHT_BATCH_MAX_BYTES must be a positive number of bytes");
            }
            return new Catalogues(positive("PREFLIGHT_BATCH_MAX_ROWS", env.getOrDefault("PREFLIGHT_BATCH_MAX_ROWS", "100000")), bytes,
                    positive("PREFLIGHT_BATCH_THREADS", env.getOrDefault("PREFLIGHT_BATCH_THREADS",
                            String.valueOf(Runtime.getRuntime().availableProcessors()))),
                    positive("PREFLIGHT_RESCREEN_LIMIT", env.getOrDefault("PREFLIGHT_RESCREEN_LIMIT", "100000")),
                    positive("PREFLIGHT_RESCREEN_DAYS", env.getOrDefault("PREFLIGHT_RESCREEN_DAYS", "90")),
                    positive("PREFLIGHT_RESCREEN_RETRY_SECONDS", env.getOrDefault("PREFLIGHT_RESCREEN_RETRY_SECONDS", "30")));
        }
    }

    /** How much the service takes on, and how long it waits. */
    public record Limits(int checkQueue, int requestTimeoutMillis, int shutdownGraceMillis) {
    }

    /** Where the check log and the penalty ledger live. */
    public record DbSettings(String url, String user, String password, int budgetMillis, int checkLogBuffer,
                             String defaultPlatform) {
    }

    public static Settings fromEnv(Map<String, String> env) {
        return new Settings(
                port(env.getOrDefault("PREFLIGHT_PORT", "8080")),
                Path.of(env.getOrDefault("PREFLIGHT_DATA_DIR", "./data")),
                Path.of(env.getOrDefault("PREFLIGHT_RULES_DIR", "./rules")),
                Path.of(env.getOrDefault("PREFLIGHT_REGULATIONS_DIR", "./country-regulations")),
                Path.of(env.getOrDefault("PREFLIGHT_TEST_CASES_DIR", "./test-cases")),
                positive("PREFLIGHT_CHECK_CONCURRENCY",
                        env.getOrDefault("PREFLIGHT_CHECK_CONCURRENCY", String.valueOf(Runtime.getRuntime().availableProcessors()))),
                ipClassifier(env),
                positive("PREFLIGHT_IP_CLASSIFIER_BUDGET_MS", env.getOrDefault("PREFLIGHT_IP_CLASSIFIER_BUDGET_MS", "8")),
                LlmSettings.fromEnv(env),
                new DbSettings(env.getOrDefault("PREFLIGHT_DB_URL", ""), env.getOrDefault("PREFLIGHT_DB_USER", ""),
                        env.getOrDefault("PREFLIGHT_DB_PASSWORD", ""),
                        positive("PREFLIGHT_DB_BUDGET_MS", env.getOrDefault("PREFLIGHT_DB_BUDGET_MS", "20")),
                        positive("PREFLIGHT_CHECK_LOG_BUFFER", env.getOrDefault("PREFLIGHT_CHECK_LOG_BUFFER", "10000")),
                        env.getOrDefault("PREFLIGHT_DEFAULT_PLATFORM", "alibaba.com")),
                env.getOrDefault("PREFLIGHT_API_KEYS", ""),
                new Limits(positive("PREFLIGHT_CHECK_QUEUE", env.getOrDefault("PREFLIGHT_CHECK_QUEUE", "64")),
                        positive("PREFLIGHT_REQUEST_TIMEOUT_MS", env.getOrDefault("PREFLIGHT_REQUEST_TIMEOUT_MS", "2000")),
                        positive("PREFLIGHT_SHUTDOWN_GRACE_MS", env.getOrDefault("PREFLIGHT_SHUTDOWN_GRACE_MS", "20000"))),
                Catalogues.fromEnv(env));
    }

    public Settings withPort(int newPort) {
        return new Settings(newPort, dataDir, rulesDir, regulationsDir, testCasesDir, checkConcurrency, ipClassifier,
                ipClassifierBudgetMillis, llm, db, apiKeys, limits, catalogues);
    }

    /** The penalty profiles, one per platform. */
    public Path penaltiesDir() {
        return regulationsDir.resolve("penalties");
    }

    /** The database URL: PREFLIGHT_DB_URL, or SQLite in the data folder. */
    public String dbUrl() {
        return db.url().isBlank() ? preflight.db.Database.sqliteUrl(dataDir) : db.url();
    }

    /** The IP screen's data: marks lexicon, counterfeit phrases, classifier examples. */
    public Path ipDataDir() {
        return regulationsDir.resolve("ip");
    }

    private static String ipClassifier(Map<String, String> env) {
        String fallback = env.getOrDefault("PREFLIGHT_LLM_PROVIDER", "").isBlank() ? "embedded" : "llm";
        String value = env.getOrDefault("PREFLIGHT_IP_CLASSIFIER", fallback).strip().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("embedded") && !value.equals("llm") && !value.equals("lexicon")) {
            throw new IllegalArgumentException("PREFLIGHT_IP_CLASSIFIER must be embedded, llm or lexicon, found '" + value + "'");
        }
        if (value.equals("llm") && env.getOrDefault("PREFLIGHT_LLM_PROVIDER", "").isBlank()) {
            throw new IllegalArgumentException("PREFLIGHT_IP_CLASSIFIER=llm needs PREFLIGHT_LLM_PROVIDER (openai or ollama)");
        }
        return value;
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of at least 1, found '" + value + "'");
        }
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value.trim());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PREFLIGHT_PORT must be a port number 0-65535, found '" + value + "'");
        }
    }
}
