package preflight.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import preflight.regulations.RegulationCatalog;

/**
 * The IP screen over the labelled set under test-cases/ip/: the goals of the IP issue (recall at least
 * 0.95 on infringing listings, at most 3% false positives on legitimate ones) hold for the lexicon alone
 * and with the embedded classifier. The LLM path runs against a local OpenAI-format server; with no real
 * model here, its figures show the cascade's bounds, not a model's quality.
 */
class IpEvaluationTest {

    static IpData data;
    static RegulationCatalog catalog;
    static List<EvalCase> cases;

    @BeforeAll
    static void load() throws Exception {
        data = new IpDataLoader().load(Path.of("country-regulations", "ip"));
        catalog = RegulationCatalog.load(Path.of("country-regulations"));
        cases = EvalSet.load(Path.of("test-cases", "ip"));
    }

    static Set<String> flagged(Evaluation e) {
        return e.outcomes().stream().filter(Evaluation.Outcome::flagged).map(o -> o.example().id()).collect(Collectors.toSet());
    }

    static void print(Evaluation e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.printRow(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.print(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSetIsLargeAndMixedAsTheIssueAsks() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(250);
        assertThat(cases.stream().filter(c -> !c.infringing() && !c.kind().equals("plain")).count()).isGreaterThanOrEqualTo(80);
        assertThat(cases.stream().map(EvalCase::lang).distinct()).containsExactlyInAnyOrder("en", "zh");
    }

    @Test
    void theLexiconAloneMeetsTheGoals() {
        Evaluation e = Evaluation.run(new IpScreen(data, catalog, null), cases);
        print(e);
        assertThat(e.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(e.falsePositiveRate()).isLessThanOrEqualTo(0.03);
    }

    @Test
    void theEmbeddedClassifierInTheCascadeMeetsTheGoals() {
        Evaluation e = Evaluation.run(new IpScreen(data, catalog, IpClassifiers.embedded(data.examples())), cases);
        print(e);
        assertThat(e.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(e.falsePositiveRate()).isLessThanOrEqualTo(0.03);
        assertThat(e.classifierShare()).as("the classifier sees only what the lexicon leaves in doubt").isLessThan(0.15);
    }

    @Test
    void theLlmPathIsBoundedByTheCascadeAndFallsBackWhenTheLlmFails() throws Exception {
        Evaluation lexicon = Evaluation.run(new IpScreen(data, catalog, null), cases);
        Evaluation embedded = Evaluation.run(new IpScreen(data, catalog, IpClassifiers.embedded(data.examples())), cases);
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            LlmSettings settings = new LlmSettings("openai", server.baseUrl(), "local-test", "", 2000);

            // an LLM that always says "infringing" turns every doubt into a finding: the lexicon's own answer
            Evaluation alwaysInfringing = Evaluation.run(new IpScreen(data, catalog,
                    IpClassifiers.llmWithFallback(settings, data.examples())), cases);
            print(alwaysInfringing);
            assertThat(flagged(alwaysInfringing)).isEqualTo(flagged(lexicon));

            // one that always says "legitimate" clears every doubt: what the lexicon settles on its own
            server.answer(u -> "{\"verdict\":\"legitimate\",\"confidence\":0.9,\"marks\":[],\"reasoning\":\"ok\"}");
            Evaluation alwaysLegitimate = Evaluation.run(new IpScreen(data, catalog,
                    IpClassifiers.llmWithFallback(settings, data.examples())), cases);
            print(alwaysLegitimate);
            assertThat(flagged(lexicon)).containsAll(flagged(alwaysLegitimate));

            // an LLM that answers in a broken format: the embedded classifier answers every time
            server.mode(FakeOpenAiServer.Mode.MALFORMED);
            Evaluation malformed = Evaluation.run(new IpScreen(data, catalog,
                    IpClassifiers.llmWithFallback(settings, data.examples())), cases);
            print(malformed);
            assertThat(flagged(malformed)).isEqualTo(flagged(embedded));
        }
    }
}
