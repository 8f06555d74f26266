package preflight.ip;

import preflight.resilience.CircuitBreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM classifier against a local server speaking the OpenAI chat-completions format. */
class LlmClassifierTest {

    private FakeOpenAiServer server;
    private LlmClassifier llm;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAiServer();
        llm = new LlmClassifier(new LlmSettings("openai", server.baseUrl(), "test-model", "sk-test", 500));
    }

    @AfterEach
    void stop() {
        llm.close();
        server.close();
    }

    private static IpQuestion question(String title) {
        return new IpQuestion(title, false, List.of("Nike"), "footwear", "");
    }

    @Test
    void aStructuredReplyBecomesTheOpinionAndNamesTheModel() {
        Opinion o = llm.classify(question("Nike running shoes men"));

        assertThat(o.infringing()).isTrue();
        assertThat(o.probability()).isEqualTo(0.9);
        assertThat(o.marks()).containsExactly("Nike");
        assertThat(o.classifier()).isEqualTo("llm:openai:test-model");
        assertThat(server.lastUserMessage()).contains("Nike running shoes men").contains("Category: footwear");
    }

    @Test
    void aLegitimateVerdictGivesALowProbability() {
        server.answer(u -> "{\"verdict\":\"legitimate\",\"confidence\":0.8,\"marks\":[],\"reasoning\":\"Nominative use.\"}");

        Opinion o = llm.classify(question("Spigen case for iPhone 15"));

        assertThat(o.infringing()).isFalse();
        assertThat(o.probability()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theSameListingIsAskedOnceWhenCached() {
        IpClassifier cached = new CachedClassifier(llm, 100);
        cached.classify(question("Nike running shoes men"));
        cached.classify(question("NIKE   running shoes MEN"));

        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsRefusedAsUnavailable() {
        server.mode(FakeOpenAiServer.Mode.MALFORMED);

        assertThatThrownBy(() -> llm.classify(question("Nike shoes")))
                .isInstanceOf(ClassifierUnavailableException.class).hasMessageContaining("out of format");
    }

    @Test
    void anAnswerOutsideTheSchemaIsRefused() {
        server.answer(u -> "{\"verdict\":\"maybe\",\"confidence\":2,\"marks\":[],\"reasoning\":\"\"}");

        assertThatThrownBy(() -> llm.classify(question("Nike shoes")))
                .isInstanceOf(ClassifierUnavailableException.class).hasMessageContaining("verdict");
    }

    @Test
    void aSlowReplyIsAbandonedAtTheBudget() {
        server.mode(FakeOpenAiServer.Mode.SLOW);
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> llm.classify(question("Nike shoes")))
                .isInstanceOf(ClassifierUnavailableException.class).hasMessageContaining("within 500 ms");
        // the caller waits for the budget, not for the 3 s reply
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2500);
    }

    @Test
    void serverErrorsOpenTheBreakerSoTheLlmIsRested() {
        server.mode(FakeOpenAiServer.Mode.ERROR);
        for (int i = 0; i < 5; i++) {
            int n = i;
            assertThatThrownBy(() -> llm.classify(question("Nike shoes " + n))).isInstanceOf(ClassifierUnavailableException.class);
        }
        int seen = server.requests();

        assertThatThrownBy(() -> llm.classify(question("Nike shoes again")))
                .isInstanceOf(ClassifierUnavailableException.class).hasMessageContaining("rested");
        assertThat(server.requests()).isEqualTo(seen);
        assertThat(llm.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void theFallbackAnswersWhenTheLlmCannot() {
        server.mode(FakeOpenAiServer.Mode.ERROR);
        IpClassifier lexiconDouble = new IpClassifier() {
            @Override
            public String name() {
                return "second";
            }

            @Override
            public Opinion classify(IpQuestion q) {
                return new Opinion(0.7, q.marks(), "second opinion", "second");
            }
        };

        Opinion o = new FallbackClassifier(llm, lexiconDouble).classify(question("Nike shoes"));

        assertThat(o.classifier()).isEqualTo("second");
        assertThat(o.reasoning()).startsWith("LLM unavailable (").endsWith("second opinion");
    }
}
