package preflight.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Configuration from {@code PREFLIGHT_*} environment variables; every default is here.
 *
 * @param port           PREFLIGHT_PORT, HTTP port (8080)
 * @param dataDir        PREFLIGHT_DATA_DIR, where the service keeps its files (./data)
 * @param rulesDir       PREFLIGHT_RULES_DIR, the rule packs (./rules)
 * @param regulationsDir PREFLIGHT_REGULATIONS_DIR, the regulation catalog (./country-regulations)
 * @param testCasesDir   PREFLIGHT_TEST_CASES_DIR, golden cases, also used to warm packs up (./test-cases)
 * @param checkConcurrency PREFLIGHT_CHECK_CONCURRENCY, checks evaluating rules at once (the number of cores)
 */
public record Settings(int port, Path dataDir, Path rulesDir, Path regulationsDir, Path testCasesDir,
                       int checkConcurrency) {

    public static Settings fromEnv(Map<String, String> env) {
        return new Settings(
                port(env.getOrDefault("PREFLIGHT_PORT", "8080")),
                Path.of(env.getOrDefault("PREFLIGHT_DATA_DIR", "./data")),
                Path.of(env.getOrDefault("PREFLIGHT_RULES_DIR", "./rules")),
                Path.of(env.getOrDefault("PREFLIGHT_REGULATIONS_DIR", "./country-regulations")),
                Path.of(env.getOrDefault("PREFLIGHT_TEST_CASES_DIR", "./test-cases")),
                positive("PREFLIGHT_CHECK_CONCURRENCY",
                        env.getOrDefault("PREFLIGHT_CHECK_CONCURRENCY", String.valueOf(Runtime.getRuntime().availableProcessors()))));
    }

    public Settings withPort(int newPort) {
        return new Settings(newPort, dataDir, rulesDir, regulationsDir, testCasesDir, checkConcurrency);
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
