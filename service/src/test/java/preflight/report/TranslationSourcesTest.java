package preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.Preflight;
import preflight.TestProject;
import preflight.cases.CaseResult;
import preflight.cases.GoldenCase;
import preflight.cases.GoldenCases;
import preflight.config.Settings;
import preflight.regulations.RegulationCatalog;
import preflight.rules.Finding;
import preflight.rules.PackLoader;
import preflight.rules.RulePacks;

/**
 * A translation knows the English it was made from: when a rule's English changes, reports show the English
 * (marked) and {@code rules translations} lists the translation until it is checked and stamped again.
 */
class TranslationSourcesTest {

    @Test
    void everyFindingOfTheGoldenCasesIsShownInChinese() {
        Preflight app = new Preflight(Settings.fromEnv(Map.of("PREFLIGHT_IP_CLASSIFIER", "lexicon")), Clock.systemUTC());
        app.loadPacks();
        RuleTranslations translations = new RuleTranslations(Path.of("rules"), Path.of("country-regulations"));
        List<String> problems = new ArrayList<>();
        List<String> english = new ArrayList<>();
        int findings = 0;
        for (GoldenCase c : GoldenCases.load(Path.of("test-cases"), null, problems)) {
            CaseResult r = app.caseRunner().run(c);
            if (r.verdict() == null) {
                continue;
            }
            for (Finding f : Stream.concat(r.verdict().findings().stream(), r.verdict().upcoming().stream()).toList()) {
                findings++;
                if (!translations.words(f, "zh").translated()) {
                    english.add(c.name() + ": " + f.ruleId());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(findings).isGreaterThan(500);
        assertThat(english).as("findings whose translation is missing or made from other English").isEmpty();
    }

    @Test
    void everyTranslationWasMadeFromTheEnglishAsItIsNow() {
        RulePacks packs = new PackLoader(Path.of("rules"), RegulationCatalog.load(Path.of("country-regulations")), Clock.systemUTC()).loadAll();
        TranslationSources sources = new TranslationSources(Path.of("rules"), Path.of("country-regulations"),
                new RuleTranslations(Path.of("rules"), Path.of("country-regulations")));
        assertThat(sources.outdated(packs, "zh", null)).as("translations to check, then stamp with rules translations --stamp").isEmpty();
    }

    @Test
    void aRuleWhoseEnglishChangedIsShownInEnglishUntilItsTranslationIsStamped(@TempDir Path dir) throws Exception {
        TestProject.copy(Path.of("rules"), dir.resolve("rules"));
        TestProject.copy(Path.of("country-regulations"), dir.resolve("country-regulations"));
        Path children = dir.resolve("rules/US/children.drl");
        String drl = Files.readString(children);
        String before = "This is a children's product.";
        assertThat(drl).contains(before);
        Files.writeString(children, drl.replace(before, "This is a product for children under 12."));

        RuleTranslations translations = new RuleTranslations(dir.resolve("rules"), dir.resolve("country-regulations"));
        TranslationSources sources = new TranslationSources(dir.resolve("rules"), dir.resolve("country-regulations"), translations);
        RulePacks packs = new PackLoader(dir.resolve("rules"), RegulationCatalog.load(dir.resolve("country-regulations")),
                Clock.systemUTC()).loadAll();
        var cpc = packs.all().stream().filter(p -> p.market().equals("US")).findFirst().orElseThrow().ownRules().stream()
                .filter(r -> r.id().equals("US-CPSC-CPC")).findFirst().orElseThrow();
        assertThat(cpc.message()).startsWith("This is a product for children under 12.");

        List<TranslationSources.Outdated> outdated = sources.outdated(packs, "zh", null);
        assertThat(outdated).extracting(TranslationSources.Outdated::ruleId).containsExactly("US-CPSC-CPC");
        assertThat(outdated.get(0).toString()).contains("rules/US/messages_zh.properties", "earlier English");
        Finding finding = finding(cpc);
        RuleTranslations.Words words = translations.words(finding, "zh");
        assertThat(words.translated()).isFalse();
        assertThat(words.message()).isEqualTo(cpc.message());

        // the officer checks the translation (here: it still holds) and stamps it
        assertThat(sources.stamp(packs, "zh", "US")).isEqualTo(1);
        assertThat(sources.outdated(packs, "zh", null)).isEmpty();
        assertThat(translations.words(finding, "zh").translated()).isTrue();
    }

    /** The finding the rule reports, as a check would carry it. */
    private static Finding finding(preflight.rules.RuleMeta r) {
        return new Finding(r.id(), r.market(), r.category(), r.severity(), r.message(),
                new preflight.rules.Citation(r.regulation().id(), r.regulation().title(), r.regulation().url()), List.of(), r.fix(),
                r.effectiveFrom(), r.effectiveTo(), r.penaltyPoints());
    }
}
