package preflight.ip;

import java.util.Map;

/**
 * The LLM classifier's configuration, from {@code PREFLIGHT_LLM_*}.
 *
 * @param provider    openai or ollama; empty when no LLM is configured
 * @param baseUrl     the OpenAI-compatible endpoint (for Ollama its {@code /v1})
 * @param model       model name
 * @param apiKey      key, if the provider wants one
 * @param budgetMillis how long a check waits for the LLM before the embedded classifier answers
 */
public record LlmSettings(String provider, String baseUrl, String model, String apiKey, long budgetMillis) {

    public static LlmSettings fromEnv(Map<String, String> env) {
        String provider = env.getOrDefault("PREFLIGHT_LLM_PROVIDER", "").strip().toLowerCase(java.util.Locale.ROOT);
        if (!provider.isEmpty() && !provider.equals("openai") && !provider.equals("ollama")) {
            throw new IllegalArgumentException("PREFLIGHT_LLM_PROVIDER must be openai or ollama, found '" + provider + "'");
        }
        String defaultUrl = provider.equals("ollama") ? "http://localhost:11434/v1" : "https://api.openai.com/v1";
        String defaultModel = provider.equals("ollama") ? "qwen2.5:7b" : "gpt-4o-mini";
        String budget = env.getOrDefault("PREFLIGHT_LLM_TIMEOUT_MS", "800");
        long millis;
        try {
            millis = Long.parseLong(budget.strip());
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < 1) {
            throw new IllegalArgumentException("PREFLIGHT_LLM_TIMEOUT_MS must be a whole number of milliseconds, found '" + budget + "'");
        }
        return new LlmSettings(provider, env.getOrDefault("PREFLIGHT_LLM_BASE_URL", defaultUrl),
                env.getOrDefault("PREFLIGHT_LLM_MODEL", defaultModel), env.getOrDefault("PREFLIGHT_LLM_API_KEY", ""), millis);
    }

    public boolean configured() {
        return !provider.isEmpty();
    }
}
