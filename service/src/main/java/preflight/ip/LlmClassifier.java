package preflight.ip;

import preflight.resilience.CircuitBreaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An LLM judges the doubtful listing, through langchain4j's OpenAI chat model with a JSON-schema
 * structured answer (verdict, confidence, marks, reasoning). Ollama is reached through its
 * OpenAI-compatible {@code /v1} endpoint, as are vLLM, DeepSeek and Qwen: one client, no second SDK.
 * A check waits at most the time budget (a {@link BudgetedClassifier}), and slow or failing calls open a
 * circuit breaker (wrap it in a {@link CachedClassifier} to ask once per listing). It throws {@link ClassifierUnavailableException} when it cannot answer, and
 * {@link FallbackClassifier} turns that into the embedded classifier's answer.
 */
public final class LlmClassifier implements IpClassifier, AutoCloseable {

    private static final String SYSTEM = """
            You check marketplace listings for intellectual-property infringement before they are published.
            Infringing: a famous trade mark or character used on goods the seller does not own or license (as the
            product's brand, in its title or keywords), disguised marks (misspellings, digits for letters, letters of
            other scripts, spaced letters), copies sold as replica, 1:1, AAA, dupe, inspired by, same as, 高仿, 同款, 平替.
            Legitimate: nominative use by a seller's own brand to say what an accessory, part or consumable fits
            ("case for iPhone 15", "compatible with Dyson V11"), ordinary words that are also marks (apple the fruit,
            polo shirt), the owner's or a licensee's own goods, listings naming no mark.
            Answer only with the JSON object asked for: verdict, confidence (0 to 1), the marks infringed, and one or
            two sentences of reasoning a seller can understand.""";

    private static final ResponseFormat FORMAT = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("ip_opinion").rootElement(JsonObjectSchema.builder()
                    .addEnumProperty("verdict", List.of("infringing", "legitimate"))
                    .addNumberProperty("confidence")
                    .addProperty("marks", JsonArraySchema.builder().items(new JsonStringSchema()).build())
                    .addStringProperty("reasoning")
                    .required("verdict", "confidence", "marks", "reasoning")
                    .additionalProperties(false)
                    .build()).build())
            .build();

    private final String name;
    private final ChatModel model;
    private final CircuitBreaker breaker;
    private final BudgetedClassifier budgeted;
    private final ObjectMapper json = new ObjectMapper();

    public LlmClassifier(LlmSettings settings) {
        this.name = "llm:" + settings.provider() + ":" + settings.model();
        long budgetMillis = settings.budgetMillis();
        this.model = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey().isEmpty() ? "not-needed" : settings.apiKey())
                .modelName(settings.model())
                .temperature(0.0)
                .timeout(Duration.ofMillis(Math.max(2 * budgetMillis, 1000)))
                .maxRetries(0)
                .responseFormat(FORMAT)
                .strictJsonSchema(true)
                .build();
        this.breaker = new CircuitBreaker(5, 30_000, System::nanoTime);
        // the time budget and the bounded queue of waiting calls are the embedded classifier's own
        this.budgeted = new BudgetedClassifier(new IpClassifier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Opinion classify(IpQuestion question) {
                return ask(question);
            }
        }, budgetMillis, 4);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Opinion classify(IpQuestion question) {
        if (!breaker.allow()) {
            throw new ClassifierUnavailableException("the LLM failed repeatedly; it is rested for a while", null);
        }
        try {
            Opinion opinion = budgeted.classify(question);
            breaker.succeeded();
            return opinion;
        } catch (ClassifierUnavailableException e) {
            breaker.failed(); // too slow, down, or out of format: all count against the LLM
            throw e;
        }
    }

    /** One call to the LLM, on the budget's thread: its answer, or why there is none. */
    private Opinion ask(IpQuestion question) {
        String text;
        try {
            text = model.chat(request(question)).aiMessage().text();
        } catch (RuntimeException e) {
            throw new ClassifierUnavailableException("the LLM call failed: " + firstLine(e.getMessage()), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new ClassifierUnavailableException("the LLM answered out of format: " + e.getMessage(), e);
        }
    }

    private static ChatRequest request(IpQuestion q) {
        String user = "Category: " + q.category() + "\nDeclared brand: " + (q.brand().isEmpty() ? "(none)" : q.brand())
                + "\nMarks found by the lexicon: " + (q.marks().isEmpty() ? "(none)" : String.join(", ", q.marks()))
                + "\nListing:\n" + q.text();
        return ChatRequest.builder().messages(SystemMessage.from(SYSTEM), UserMessage.from(user)).responseFormat(FORMAT).build();
    }

    /** The structured answer, checked field by field; anything else is an out-of-format answer. */
    Opinion parse(String text) {
        JsonNode node;
        try {
            node = json.readTree(text == null ? "" : text.strip());
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String verdict = node.path("verdict").asText("");
        if (!verdict.equals("infringing") && !verdict.equals("legitimate")) {
            throw new IllegalArgumentException("verdict must be infringing or legitimate");
        }
        JsonNode confidence = node.get("confidence");
        if (confidence == null || !confidence.isNumber() || confidence.asDouble() < 0 || confidence.asDouble() > 1) {
            throw new IllegalArgumentException("confidence must be a number from 0 to 1");
        }
        List<String> marks = new ArrayList<>();
        node.path("marks").forEach(m -> marks.add(m.asText()));
        double c = confidence.asDouble();
        double p = verdict.equals("infringing") ? Math.max(c, 0.5) : Math.min(1 - c, 0.5 - 1e-9);
        return new Opinion(p, List.copyOf(marks), node.path("reasoning").asText(""), name);
    }

    private static String firstLine(String s) {
        return s == null ? "no detail" : s.lines().findFirst().orElse("no detail");
    }

    CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    @Override
    public void close() {
        budgeted.close();
    }
}
