package preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import preflight.ip.MessageTemplate;
import preflight.regulations.RegulationCatalog;
import preflight.rules.PackLoader;
import preflight.rules.RuleMeta;
import preflight.rules.RulePack;

/** Every rule a seller can meet has its message and fix in Chinese, and the bundles around them agree. */
class RuleTranslationsTest {

    final RuleTranslations translations = new RuleTranslations(Path.of("rules"), Path.of("country-regulations"));

    @Test
    void everyRuleHasAChineseMessageAndFix() {
        var packs = new PackLoader(Path.of("rules"), RegulationCatalog.load(Path.of("country-regulations")), Clock.systemUTC()).loadAll();
        Map<String, String> zh = translations.entries("zh");
        List<String> missing = new ArrayList<>();
        for (RulePack p : packs.all()) {
            for (RuleMeta r : p.ownRules()) {
                for (String key : List.of(r.id() + ".message", r.id() + ".fix")) {
                    if (!zh.containsKey(key) || zh.get(key).isBlank()) {
                        missing.add(r.file() + ":" + r.line() + " " + key);
                    }
                }
            }
        }
        assertThat(missing).as("rules without a Chinese message or fix").isEmpty();
    }

    @Test
    void ipTranslationsUseTheSamePlaceholdersAsTheEnglish() {
        Map<String, String> zh = translations.entries("zh");
        for (MessageTemplate t : MessageTemplate.all()) {
            assertThat(TemplateArgs.names(zh.get(t.ruleId() + ".message"))).as(t.ruleId()).isEqualTo(TemplateArgs.names(t.message()));
            assertThat(TemplateArgs.names(zh.get(t.ruleId() + ".fix"))).as(t.ruleId()).isEqualTo(TemplateArgs.names(t.fix()));
        }
    }

    @Test
    void templateValuesAreReadBack() {
        assertThat(TemplateArgs.read("The mark {mark} (owned by {owner}); remove {mark}.", "The mark Nike (owned by Nike, Inc.); remove Nike."))
                .hasValue(Map.of("mark", "Nike", "owner", "Nike, Inc."));
        assertThat(TemplateArgs.read("The mark {mark} here.", "Something else entirely.")).isEmpty();
    }

    @Test
    void theMessageBundlesHaveTheSameKeys() {
        assertThat(ReportText.bundle("zh").keySet()).isEqualTo(ReportText.bundle("en").keySet());
        ReportText zh = ReportText.of("zh");
        assertThat(zh.market("DE")).isEqualTo("德国 (DE)");
        assertThat(zh.market("UK")).isEqualTo("英国 (UK)");
        assertThat(zh.market("*")).isEqualTo("所有市场");
        assertThat(ReportText.closest("zh-CN")).isEqualTo("zh");
        assertThat(ReportText.closest("fr")).isEqualTo("en");
    }
}
