package preflight.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import preflight.listing.Product;
import preflight.listing.ProductFacts;
import preflight.listing.Seller;

/** What an officer sees when a pack is wrong: every problem, as file:line: message, and no pack half-loaded. */
class PackLoaderTest {

    @TempDir
    Path dir;

    static final String META = "@id(\"T-1\") @category(\"CERTIFICATION\") @severity(\"HIGH\") @regulation(\"T-REG\") @effectiveFrom(\"2020-01-01\")";

    static ProductFacts earbuds() {
        return new ProductFacts(new Product("Bluetooth earbuds", null, "wireless-audio", null, List.of(), Map.of(),
                List.of(), null, null), new Seller("S", "CN", null));
    }

    @Test
    void aValidPackCompilesWithItsParentAndReportsFindingsFromMetadata() {
        TempPacks t = new TempPacks(dir).pack("T", "global")
                .drl("global", "g.drl", TempPacks.rule("Global rule", META.replace("T-1", "G-1"), "mentionsAny(\"earbuds\")"))
                .drl("T", "t.drl", TempPacks.rule("Radio needs a mark", META, "wireless, !hasCertification(\"X\")"));
        RulePacks packs = t.loader().loadAll();
        RulePack pack = packs.get("T").orElseThrow();
        assertThat(pack.versions()).containsOnlyKeys("global", "T");
        assertThat(pack.ownRules()).extracting(RuleMeta::id).containsExactly("T-1");
        List<Finding> found = pack.evaluate(earbuds().forMarket("T")).stream().map(RuleHit::toFinding).toList();
        assertThat(found).extracting(Finding::ruleId).containsExactlyInAnyOrder("G-1", "T-1");
        Finding f = found.stream().filter(x -> x.ruleId().equals("T-1")).findFirst().orElseThrow();
        assertThat(f.regulation().url()).isEqualTo("https://example.org/t-reg");
        assertThat(f.evidence()).extracting(e -> e.field() + "=" + e.text())
                .containsExactly("product.title=Bluetooth", "product.certifications=none declared");
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() {
        TempPacks t = new TempPacks(dir).pack("T", "")
                .drl("T", "broken.drl", "rule \"Broken\"\n    " + META + "\nwhen\n    $l : Listing( wireless \nthen\nend\n");
        assertThatThrownBy(() -> t.loader().loadAll()).isInstanceOfSatisfying(UnableToCompilePackException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("rules/T/broken.drl");
                    assertThat(p.line()).isEqualTo(10);
                }));
    }

    @Test
    void aRuleCitingAnUnknownRegulationIsRefusedByNameAndLine() {
        TempPacks t = new TempPacks(dir).pack("T", "")
                .drl("T", "t.drl", TempPacks.rule("Cites nothing", META.replace("T-REG", "NOPE"), "wireless"));
        assertThatThrownBy(() -> t.loader().loadAll()).isInstanceOfSatisfying(UnableToCompilePackException.class,
                e -> assertThat(e.problems()).extracting(PackProblem::toString).containsExactly(
                        "rules/T/t.drl:6: rule \"Cites nothing\": @regulation(\"NOPE\") is not in country-regulations/"));
    }

    @Test
    void missingOrMisspelledMetadataIsListedRuleByRule() {
        TempPacks t = new TempPacks(dir).pack("T", "")
                .drl("T", "t.drl", TempPacks.rule("No severity", "@id(\"T-1\") @category(\"CERT\") @regulation(\"T-REG\") @effectiveFrom(\"2020-01-01\") @severty(\"HIGH\")", "wireless"));
        assertThatThrownBy(() -> t.loader().loadAll()).isInstanceOfSatisfying(UnableToCompilePackException.class,
                e -> assertThat(e.problems()).extracting(PackProblem::message).containsExactlyInAnyOrder(
                        "rule \"No severity\": unknown metadata @severty (known: category, country, effectiveFrom, effectiveTo, id, penaltyPoints, regulation, severity)",
                        "rule \"No severity\": @category(\"CERT\") must be one of [CERTIFICATION, LABELING, SUBSTANCES, PROHIBITED, RESTRICTED, SANCTIONS, IP]",
                        "rule \"No severity\": @severity is required"));
    }

    @Test
    void anIdUsedTwiceIsRefusedWithBothPlaces() {
        TempPacks t = new TempPacks(dir).pack("T", "")
                .drl("global", "g.drl", TempPacks.rule("First", META, "wireless"))
                .drl("T", "t.drl", TempPacks.rule("Second", META, "wireless"));
        assertThatThrownBy(() -> t.loader().loadAll()).hasMessageContaining("rule id T-1 is already used at rules/");
    }

    @Test
    void aBrokenPackLeavesTheOthersLoadableForTheOfficersTools() {
        TempPacks t = new TempPacks(dir).pack("T", "").pack("U", "")
                .drl("T", "t.drl", TempPacks.rule("Fine", META, "wireless"))
                .drl("U", "u.drl", "rule \"Bad\"\nwhen\n  Nope( )\nthen\nend\n");
        PackLoadResult result = t.loader().load();
        assertThat(result.packs()).containsKeys("global", "T").doesNotContainKey("U");
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).contains("rules/U/"));
        assertThatThrownBy(() -> t.loader().loadAll()).isInstanceOf(UnableToCompilePackException.class);
    }

    @Test
    void anUnknownParentIsRefused() {
        TempPacks t = new TempPacks(dir).pack("T", "NOWHERE").drl("T", "t.drl", TempPacks.rule("Fine", META, "wireless"));
        assertThatThrownBy(() -> t.loader().loadAll()).hasMessageContaining("parent pack 'NOWHERE' does not exist");
    }

    @Test
    void aRuleThatReportsNothingIsRefused() {
        TempPacks t = new TempPacks(dir).pack("T", "")
                .drl("T", "t.drl", "rule \"Silent\"\n    " + META + "\nwhen\n    $l : Listing( wireless )\nthen\n    System.out.println(\"x\");\nend\n");
        assertThatThrownBy(() -> t.loader().loadAll()).hasMessageContaining("the then part may only be findings.report");
    }

    @Test
    void aNegatedNumberComparisonIsRefusedWithTheWayToWriteIt() {
        TempPacks t = new TempPacks(dir).pack("T", "")
                .drl("T", "t.drl", TempPacks.rule("Heavy drones", META, "drone, !(number(\"weightGrams\") < 100)"));
        assertThatThrownBy(() -> t.loader().loadAll()).hasMessageContaining(
                "rules/T/t.drl:6: rule \"Heavy drones\": a negated number comparison such as !(number(\"x\") < 3) also fires");
    }

    @Test
    void unknownOrAtLeastIsWrittenWithHasNumberAndFiresBothWays() {
        TempPacks t = new TempPacks(dir).pack("T", "")
                .drl("T", "t.drl", TempPacks.rule("Heavy drones", META, "drone, (!hasNumber(\"weightGrams\") || number(\"weightGrams\") >= 100)"));
        RulePack pack = t.loader().loadAll().get("T").orElseThrow();
        for (int round = 0; round < 100; round++) { // before and after Drools compiles the constraint
            assertThat(pack.evaluate(drone(Map.of()).forMarket("T"))).hasSize(1);
            assertThat(pack.evaluate(drone(Map.of("weightGrams", 249)).forMarket("T"))).hasSize(1);
            assertThat(pack.evaluate(drone(Map.of("weightGrams", 80)).forMarket("T"))).isEmpty();
        }
    }

    static ProductFacts drone(Map<String, Object> attributes) {
        return new ProductFacts(new Product("Mini drone", null, "drones", null, List.of(), attributes, List.of(), null, null),
                new Seller("S", "CN", null));
    }

    @Test
    void aComparisonWithAnUnknownNumberNeverMatchesBeforeOrAfterDroolsCompilesIt() {
        String meta = META.replace("T-1", "T-%d");
        String[] conditions = {"number(\"weightGrams\") < 100", "number(\"weightGrams\") <= 100",
            "number(\"weightGrams\") > 100", "batteryWh < 100", "laserMilliwatts <= 5", "minimumAge < 3",
            "(number(\"weightGrams\") < 100 || mentionsAny(\"nothing like this\"))"};
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < conditions.length; i++) {
            rules.append(TempPacks.rule("Rule " + i, String.format(meta, i), conditions[i]));
        }
        RulePack pack = new TempPacks(dir).pack("T", "").drl("T", "t.drl", rules.toString()).loader().loadAll().get("T").orElseThrow();
        for (int round = 0; round < 200; round++) { // Drools jits a constraint after about 20 evaluations
            assertThat(pack.evaluate(drone(Map.of()).forMarket("T"))).as("round %d", round).isEmpty();
            sleepBriefly(round);
        }
    }

    /** Gives Drools' background jitter time to swap compiled constraints in during the first rounds. */
    private static void sleepBriefly(int round) {
        if (round < 40) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
